import YAML from 'yaml';
import { DRIFT_FORMATS as REPORT_FORMATS } from '@mercato/terraform-provider/drift';
import { DRIFT_FORMATS } from '../src/commands/drift';
import { formatAge, formatCell, renderJson, renderTable, renderYaml, type Column } from '../src/objects/output';
import { findKind, KINDS } from '../src/objects/kinds';

const columns: Column[] = [
  { header: 'name', value: (i) => i.name },
  { header: 'platform', value: (i) => i.platform },
  { header: 'tags', value: (i) => i.tags },
];

const items = [
  { name: 'PostgreSQL', platform: 'gcp', tags: ['database', 'sql'] },
  { name: 'Virtual Machine', platform: 'on-premises', tags: [] },
];

describe('renderTable', () => {
  it('draws upper-case headers and columns aligned three spaces apart, like kubectl', () => {
    expect(renderTable(items, columns)).toBe(
      [
        'NAME              PLATFORM      TAGS',
        'PostgreSQL        gcp           database,sql',
        'Virtual Machine   on-premises   <none>',
      ].join('\n'),
    );
  });

  it('leaves no trailing spaces when the last cells differ in width', () => {
    const lines = renderTable(
      [
        { a: 'x', b: 'long value' },
        { a: 'y', b: 'v' },
      ],
      [
        { header: 'a', value: (i) => i.a },
        { header: 'b', value: (i) => i.b },
      ],
    ).split('\n');
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
  });

  it('draws only the header row for no items', () => {
    expect(renderTable([], columns)).toBe('NAME   PLATFORM   TAGS');
  });
});

describe('formatCell', () => {
  it.each([
    [null, '<none>'],
    [undefined, '<none>'],
    ['', '<none>'],
    [[], '<none>'],
    [{}, '<none>'],
    [0, '0'],
    [false, 'false'],
    [['a', 'b'], 'a,b'],
    [{ cpu: 8, ram: 2.5 }, 'cpu=8,ram=2.5'],
    ['two\n lines\tand  tabs', 'two lines and tabs'],
  ])('shows %p as %p', (value, shown) => {
    expect(formatCell(value)).toBe(shown);
  });
});

describe('formatAge', () => {
  const now = new Date('2025-01-10T12:00:00Z');
  it.each([
    ['2025-01-10T11:59:15Z', '45s'],
    ['2025-01-10T11:48:00Z', '12m'],
    ['2025-01-10T09:00:00Z', '3h'],
    ['2025-01-05T12:00:00Z', '5d'],
    ['2022-01-01T00:00:00Z', '3y'],
    ['2025-01-10T12:00:30Z', '0s'],
  ])('shows %s as %s', (created, age) => {
    expect(formatAge(created, now)).toBe(age);
  });

  it('says unknown for something that is not a time', () => {
    expect(formatAge(undefined, now)).toBe('<unknown>');
    expect(formatAge('yesterday', now)).toBe('<unknown>');
  });
});

describe('renderJson and renderYaml', () => {
  it('keep every field, so scripts can read what the table leaves out', () => {
    expect(JSON.parse(renderJson(items))).toEqual(items);
    expect(YAML.parse(renderYaml(items))).toEqual(items);
  });

  it('indent JSON by two spaces', () => {
    expect(renderJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('never fold long strings in YAML and end without a blank line', () => {
    const script = `echo ${'x'.repeat(200)}`;
    const yaml = renderYaml({ cloud_init: script });
    expect(yaml).toBe(`cloud_init: ${script}`);
  });
});

describe('kinds', () => {
  it.each([
    ['offerings', 'offerings'],
    ['offering', 'offerings'],
    ['of', 'offerings'],
    ['org', 'organizations'],
    ['Organization', 'organizations'],
    ['offering-version', 'offering-versions'],
    ['ov', 'offering-versions'],
    ['plan', 'plans'],
    ['events', 'events'],
  ])('finds %s as %s', (name, plural) => {
    expect(findKind(name).plural).toBe(plural);
  });

  it('names the known kinds when asked for another', () => {
    expect(() => findKind('pods')).toThrow(
      'unknown kind "pods"; one of organizations, projects, users, categories, offerings',
    );
  });

  it('give every name to one kind only', () => {
    const names = KINDS.flatMap((k) => [k.plural, k.singular, ...k.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('render every kind as a table whose columns have headers', () => {
    for (const kind of KINDS) {
      const table = renderTable([{ id: 'x', created_at: new Date().toISOString() }], kind.columns);
      expect(table.split('\n')[0]).toMatch(/^[A-Z]/);
    }
  });
});

describe('drift', () => {
  it('offers the formats the drift report renders', () => {
    expect(DRIFT_FORMATS).toEqual(REPORT_FORMATS);
  });
});
