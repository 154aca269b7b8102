import { describe, expect, it } from 'vitest';
import { readKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';
import { curatedErrorsWith } from '../support/curated-errors.js';

const errorsWith = curatedErrorsWith;

describe('curated data validation', () => {
  it('accepts the fixture', () => {
    const r = readKnowledgeBase('test/fixtures/kb/basic');
    expect(r.ok).toBe(true);
  });

  it('names file, line and field for a bad value', () => {
    expect(errorsWith([
      'defaults:',
      '  kind: Organization',
      '  cite: { source: redshift-2025, locator: "§3.2.3" }',
      'entities:',
      '  - id: org.galactic-energy',
      '    name: Galactic Energy',
      '    orgKind: private-company',
      '    country: XX',
      '    founded: 2018-13',
    ].join('\n'))).toEqual([
      { file: 'zz-extra.yaml', line: 8, field: 'entities[0].country', reason: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      { file: 'zz-extra.yaml', line: 9, field: 'entities[0].founded', reason: 'month 13 out of range' },
    ]);
  });

  it('rejects unknown properties, wrong id prefixes, bad enum values and missing required properties', () => {
    const errors = errorsWith([
      'entities:',
      '  - id: org.orienspace',
      '    kind: Organization',
      '    cite: { source: redshift-2025 }',
      '    name: Orienspace',
      '    orgKind: startup',
      '    ceo: somebody',
      '  - id: lv.gravity-1',
      '    kind: Organization',
      '    cite: { source: redshift-2025 }',
      '    name: Gravity-1',
      '  - id: program.qianfan',
      '    kind: Program',
      '    cite: { source: redshift-2025 }',
      '    name: Qianfan',
    ].join('\n'));
    expect(errors).toEqual([
      { file: 'zz-extra.yaml', line: 6, field: 'entities[0].orgKind', reason: expect.stringMatching(/^"startup" is not one of: state-owned-enterprise/) },
      { file: 'zz-extra.yaml', line: 7, field: 'entities[0].ceo', reason: 'unknown property "ceo" for kind Organization (see docs/model.md)' },
      { file: 'zz-extra.yaml', line: 8, field: 'entities[1].id', reason: 'id "lv.gravity-1" must start with "org." for kind Organization' },
      { file: 'zz-extra.yaml', line: 12, field: 'entities[2]', reason: 'Program program.qianfan lacks required property "programKind"' },
    ]);
  });

  it('requires a source for every value and a known source', () => {
    expect(errorsWith('entities:\n  - id: org.expace\n    kind: Organization\n    name: ExPace\n    orgKind: subsidiary-academy\n')).toEqual([
      { file: 'zz-extra.yaml', line: 4, field: 'entities[0].name', reason: 'no source: give cite.source on the value, the entity or the file defaults' },
      { file: 'zz-extra.yaml', line: 5, field: 'entities[0].orgKind', reason: 'no source: give cite.source on the value, the entity or the file defaults' },
    ]);
    expect(errorsWith('entities:\n  - id: org.expace\n    kind: Organization\n    cite: { source: nowhere }\n    name: ExPace\n    orgKind: subsidiary-academy\n')[0])
      .toEqual({ file: 'zz-extra.yaml', line: 5, field: 'entities[0].name', reason: 'unknown source "nowhere"' });
  });

  it('checks report reference numbers in locators, dangling references and reference ranges', () => {
    expect(errorsWith([
      'defaults: { cite: { source: redshift-2025, locator: "§3.2.3 [999]" } }',
      'entities:',
      '  - id: program.qianfan',
      '    kind: Program',
      '    name: Qianfan',
      '    programKind: constellation',
      '    operator: [org.ssst, program.guowang]',
    ].join('\n')).map((e) => [e.line, e.field, e.reason])).toEqual([
      [5, 'entities[0].name', 'locator cites [999], which is not a reference of redshift-2025'],
      [6, 'entities[0].programKind', 'locator cites [999], which is not a reference of redshift-2025'],
      [7, 'entities[0].operator[0]', 'locator cites [999], which is not a reference of redshift-2025'],
      [7, 'entities[0].operator[0]', 'dangling reference: no entity "org.ssst"'],
      [7, 'entities[0].operator[1]', 'locator cites [999], which is not a reference of redshift-2025'],
      [7, 'entities[0].operator[1]', '"program.guowang" is a Program; expected Organization'],
    ]);
  });

  it('reports duplicate ids with the first definition, and YAML syntax errors with their line', () => {
    expect(errorsWith('entities:\n  - id: org.landspace\n    kind: Organization\n    cite: { source: redshift-2025 }\n    name: LandSpace\n    orgKind: private-company\n'))
      .toEqual([{ file: 'zz-extra.yaml', line: 2, field: 'entities[0].id', reason: expect.stringMatching(/^duplicate entity id "org.landspace" \(first defined in .*entities\.yaml:5\)$/) }]);
    const syntax = errorsWith('entities:\n  - id: org.x\n    name: [unclosed\n');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file: 'zz-extra.yaml', field: '', reason: expect.stringMatching(/^YAML syntax/) });
    expect(syntax[0]!.line).toBeGreaterThan(1);
    // A repeated key is reported on the line of the repeat, not on line 1.
    expect(errorsWith('entities:\n  - id: org.x\n    kind: Organization\n    name: A\n    name: B\n'))
      .toEqual([{ file: 'zz-extra.yaml', line: 5, field: '', reason: expect.stringMatching(/^YAML syntax: Map keys must be unique/) }]);
  });

  it('validates series points and keeps the qualifier', () => {
    const errors = errorsWith([
      'series:',
      '  - id: funding.segment.ground',
      '    title: Ground segment funding',
      '    unit: USD millions',
      '    cite: { source: redshift-2025, locator: "§3.1.2 Table 1" }',
      '    points:',
      '      - { period: "2016", value: 4.78 }',
      '      - { period: "2016", value: 4.78 }',
      '      - { period: "2020", value: "about 70" }',
    ].join('\n'));
    expect(errors.map((e) => [e.line, e.field])).toEqual([[8, 'series[0].points[1]'], [9, 'series[0].points[2].value']]);
  });
});
