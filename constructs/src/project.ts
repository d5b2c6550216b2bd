import { Construct } from 'constructs';
import { Project as ProjectResource } from './generated/project';

/** A project of the marketplace: one declared in this app, or an existing one. */
export interface IProject {
  /** Server ID of the project. */
  readonly projectId: string;
}

/** Properties of a {@link Project}. */
export interface ProjectProps {
  /** ID of the organization the project belongs to. */
  readonly organizationId: string;
  /**
   * Name of the project.
   *
   * @default - the construct's id
   */
  readonly name?: string;
  /**
   * What the project is for.
   *
   * @default - none
   */
  readonly description?: string;
}

/** A project: where consumers order resources into. */
export class Project extends Construct implements IProject {
  /** An existing project by its server ID. */
  public static fromProjectId(scope: Construct, id: string, projectId: string): IProject {
    return new ExistingProject(scope, id, projectId);
  }

  /** The `mercato_project` resource: the default child (id `Default`), so its Terraform address is named after this construct. */
  public readonly resource: ProjectResource;

  constructor(scope: Construct, id: string, props: ProjectProps) {
    super(scope, id);
    this.resource = new ProjectResource(this, 'Default', {
      organizationId: props.organizationId,
      name: props.name ?? id,
      description: props.description,
    });
    this.projectId = this.resource.id;
  }

  /** Server ID of the project (one token, however many resources refer to it). */
  public readonly projectId: string;
}

class ExistingProject extends Construct implements IProject {
  constructor(
    scope: Construct,
    id: string,
    public readonly projectId: string,
  ) {
    super(scope, id);
  }
}
