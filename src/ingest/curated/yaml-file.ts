/**
 * Reads one YAML file keeping the line of every node, so errors can name file, line and field.
 * Aliases, reserved key names, deep nesting and unsafe text are reported first (yaml-safety.ts);
 * only a document without problems becomes JavaScript values.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { printable } from '../../model/text-safety.js';
import { yamlSafetyProblems } from './yaml-safety.js';
import { MAX_YAML_NESTING_BOUND, nestingBeyond } from './yaml-nesting.js';
import { errorMessage } from '../../model/error-message.js';

export type Path = (string | number)[];

export interface ValidationError {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export function formatValidationError(e: ValidationError): string {
  return `${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.reason}`;
}

export function fieldName(path: Path): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

export interface YamlFile {
  /** Path as shown in messages (relative to the working directory). */
  file: string;
  data: unknown;
  /** The line of the node at `path`, or of its deepest existing ancestor. */
  lineOf(path: Path): number;
  errors: ValidationError[];
}

/** The line of the node at a path of a parsed document, or of its deepest existing ancestor. */
export function pathLines(doc: Pick<Document, 'contents'>, lineCounter: LineCounter): (path: Path) => number {
  const lineOfNode = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineOfNode(doc.contents as Node) ?? 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        line = lineOfNode(pair.key as Node) ?? line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[key as number];
        if (!item) break;
        line = lineOfNode(item as Node) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}

export function readYamlFile(absolutePath: string, displayPath: string): YamlFile {
  return parseYaml(readFileSync(absolutePath, 'utf8'), displayPath);
}

export function parseYaml(text: string, file: string): YamlFile {
  const deep = nestingBeyond(text);
  if (deep) {
    const reason = `nested too deeply to read: ${deep.bound} levels (indentation, "-" and "?" indicators and open brackets) by this line; at most ${MAX_YAML_NESTING_BOUND}`;
    return { file, data: null, lineOf: () => deep.line, errors: [{ file, line: deep.line, field: '', reason }] };
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    const reason = printable(`YAML syntax: ${errorMessage(err)}`);
    return { file, data: null, lineOf: () => 1, errors: [{ file, line: 1, field: '', reason }] };
  }
  const lineOfNode = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const errors: ValidationError[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
    field: '',
    reason: printable(`YAML syntax: ${e.message.split('\n')[0]}`),
  }));
  if (errors.length === 0) {
    for (const p of yamlSafetyProblems(doc.contents as Node | null)) {
      errors.push({ file, line: lineOfNode(p.node) ?? 1, field: printable(fieldName(p.path)), reason: printable(p.reason) });
    }
  }
  const lineOf = pathLines(doc, lineCounter);
  let data: unknown = null;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (err) {
      // Not expected after the checks above; reported rather than thrown all the same.
      errors.push({ file, line: 1, field: '', reason: printable(`YAML: ${errorMessage(err)}`) });
    }
  }
  return { file, data, lineOf, errors };
}
