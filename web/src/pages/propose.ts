/**
 * "Suggest an edit": a new statement, a changed value (superseding the one named), a retraction, a new entity with its
 * first values, or a new source. Every proposal cites a source and where in it; the server checks it with the rules of
 * the curated data and names each field it refuses.
 */
import { h, fill } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { write, type BodyOf } from '../editorial/session.ts';
import { field, gate, input, showFailure } from '../editorial/forms.ts';
import { KINDS as ENTITY_KINDS } from '../api/generated/enums.ts';

const KINDS = [['statement', 'Add a value'], ['change', 'Change a value (the old one is kept as superseded)'], ['retraction', 'Retract a value'],
  ['entity', 'Add an entity'], ['source', 'Add a source']] as const;
const SOURCE_KINDS = ['article', 'web', 'dataset', 'report', 'reference', 'curation'];

function select(name: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** "property: value" lines into values (a new entity's first statements). */
function valueLines(text: string): { property: string; value: string }[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const i = l.indexOf(':');
    return i < 0 ? { property: l, value: '' } : { property: l.slice(0, i).trim(), value: l.slice(i + 1).trim() };
  });
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Suggest an edit');
  if (!(await gate(root, 'contributor', 'Suggest an edit'))) return;
  if (!ctx.isCurrent()) return;
  const q = ctx.query;
  const kind = select('kind', KINDS, q.get('kind') ?? (q.get('statement') ? 'change' : q.get('entity') ? 'statement' : 'entity'));
  const entityId = input('entityId', { value: q.get('entity') ?? '', placeholder: 'org.example' });
  const entityKind = select('entityKind', ENTITY_KINDS.map((k) => [k.kind, k.label] as const), 'Organization');
  const target = input('targetStatementId', { value: q.get('statement') ?? '', placeholder: 'statement id (from the entity page)' });
  const property = input('property', { value: q.get('property') ?? '', placeholder: 'e.g. founded, headquarters, plannedSize' });
  const value = input('value');
  const asOf = input('asOf', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD (optional)' });
  const more = h('textarea', { name: 'statements', rows: '4', placeholder: 'name: Example Space\norgKind: private-company' });
  const sourceId = input('source', { placeholder: 'an existing source id, e.g. redshift-2025' });
  const newSource = {
    id: input('newSource.id', { placeholder: 'publisher-yyyy-mm-dd-slug' }), kind: select('newSource.kind', SOURCE_KINDS.map((k) => [k, k] as const), 'article'),
    title: input('newSource.title'), publisher: input('newSource.publisher'), url: input('newSource.url', { type: 'url' }),
    published: input('newSource.published', { placeholder: 'YYYY-MM-DD' }),
  };
  const locator = h('textarea', { name: 'locator', rows: '2', placeholder: 'section, page or table, or a quote of the passage' });
  const comment = h('textarea', { name: 'comment', rows: '2', placeholder: 'a note for the reviewer (optional)' });
  const errors = h('div');
  const result = h('div', { 'aria-live': 'polite' });

  const valueBlock = h('fieldset', null, h('legend', null, 'The value'), field('Property', property), field('Value', value), field('As of', asOf));
  const entityBlock = h('fieldset', null, h('legend', null, 'The new entity'), field('Kind', entityKind),
    field('Its values', more, 'One per line, "property: value"; a name and every required property of the kind (docs/model.md).'));
  const targetBlock = field('The statement it replaces or retracts', target);
  const show = () => {
    const k = kind.value;
    valueBlock.hidden = !(k === 'statement' || k === 'change');
    entityBlock.hidden = k !== 'entity';
    targetBlock.hidden = !(k === 'change' || k === 'retraction');
  };
  kind.addEventListener('change', show);
  show();

  const form = h('form', { class: 'editorial-form', 'aria-label': 'Suggest an edit' },
    field('What', kind), field('Entity', entityId), targetBlock, valueBlock, entityBlock,
    h('fieldset', null, h('legend', null, 'Source (mandatory)'), field('Existing source', sourceId),
      h('details', { open: q.get('kind') === 'source' }, h('summary', null, 'or a new source'),
        field('Id', newSource.id), field('Kind', newSource.kind), field('Title', newSource.title), field('Publisher', newSource.publisher),
        field('URL', newSource.url), field('Published', newSource.published)),
      field('Where in the source', locator)),
    field('Comment', comment), errors, h('button', { type: 'submit' }, 'Send for review'), result);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const k = kind.value;
    const src = Object.fromEntries(Object.entries(newSource).map(([key, el]) => [key, el.value.trim()]).filter(([, v]) => v !== ''));
    const hasNewSource = Object.keys(src).some((key) => key !== 'kind');
    const citeSource = sourceId.value.trim() || (hasNewSource ? String(src.id ?? '') : '');
    const body: Record<string, unknown> = {
      kind: k,
      ...(k !== 'source' && entityId.value.trim() ? { entityId: entityId.value.trim() } : {}),
      ...(k === 'entity' ? { entityKind: entityKind.value, statements: valueLines(more.value) } : {}),
      ...(k === 'statement' || k === 'change' ? { statements: [{ property: property.value.trim(), value: value.value.trim(), ...(asOf.value.trim() ? { asOf: asOf.value.trim() } : {}) }] } : {}),
      ...(k === 'change' || k === 'retraction' ? { targetStatementId: target.value.trim() } : {}),
      ...(hasNewSource ? { newSource: src } : {}),
      ...(k !== 'source' && citeSource ? { cite: { source: citeSource, locator: locator.value.trim() } } : {}),
      ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
    };
    fill(errors);
    write('post', '/proposals', { body: body as BodyOf<'post', '/proposals'> }).then((p) => {
      fill(result, h('p', { class: 'form-ok', role: 'status' }, `Proposal #${p.id} is waiting for review. `, h('a', { href: href('/my-proposals') }, 'Your proposals')));
      form.querySelector('button[type="submit"]')!.setAttribute('disabled', '');
    }, (err: unknown) => showFailure(errors, err));
  });
  fill(root, h('h1', null, 'Suggest an edit'),
    h('p', { class: 'muted' }, 'Every value needs a source and where in it. A reviewer approves or rejects each proposal; approved values show with their source and who proposed and approved them.'),
    form);
}
