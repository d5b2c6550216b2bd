import type { Order, Project, Resource } from '@mercato/api';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from './LoadState';
import { NameOf } from './NameOf';
import { OrdersList } from './OrdersList';
import { ShowMore } from './ShowMore';
import { useLoad } from './use-load';
import { usePaged } from './use-paged';
import { ProjectMembers } from '../members/ProjectMembers';

const OPEN_ORDER = ['pending-consumer', 'pending-provider', 'executing'];
/** Follow the project while one of its orders is still moving. */
const moving = (orders: Order[]) => orders.some((o) => OPEN_ORDER.includes(o.state ?? ''));
const PAGE_SIZE = 50;

/** One project: its resources (state, plan, offering) and its orders. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useLoad<Project>(`/projects/${encodeURIComponent(id)}`);
  usePageTitle(project.data ? `Project ${project.data.name}` : 'Project');
  const resources = usePaged<Resource>(`/resources?project_id=${encodeURIComponent(id)}`, PAGE_SIZE);
  const orders = usePaged<Order>(`/orders?project_id=${encodeURIComponent(id)}`, PAGE_SIZE, {
    pollMs: 2000,
    while: moving,
  });
  if (!project.data || !resources.data || !orders.data)
    return <LoadState error={project.error || resources.error || orders.error} />;

  return (
    <section className="wide">
      <p>
        <Link to="/projects">Projects</Link>
      </p>
      <h1>{project.data.name}</h1>
      {project.data.description && <p>{project.data.description}</p>}
      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading">Resources</h2>
        {resources.data.items.length ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="resources-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                  <th scope="col">Offering</th>
                  <th scope="col">Plan</th>
                </tr>
              </thead>
              <tbody>
                {resources.data.items.map((resource) => (
                  <tr key={resource.id}>
                    <td>
                      <Link to={`/resources/${resource.id}`}>{resource.name || resource.id}</Link>
                    </td>
                    <td data-testid="resource-state">{resource.state}</td>
                    <td>
                      <NameOf kind="offerings" id={resource.offering_id} />
                    </td>
                    <td>
                      <NameOf kind="plans" id={resource.plan_id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>
            No resources yet: <Link to="/">order one from the catalog</Link>.
          </p>
        )}
        <ShowMore shown={resources.data.items.length} more={resources.data.more} onMore={resources.showMore} />
      </section>
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        <OrdersList orders={orders.data.items} />
        <ShowMore shown={orders.data.items.length} more={orders.data.more} onMore={orders.showMore} />
      </section>
      <ProjectMembers project={project.data} />
    </section>
  );
}
