/**
 * The lines of places in a JSON text, found in one scan (scanJson) without building the document: the
 * line of an object member is its key's line, the line of an array item is the line the item starts on.
 * A path that goes further than the text gives the line of its deepest place the text has; the first of
 * repeated keys is the one followed. For error messages about a JSON file already parsed.
 */
import { scanJson } from './json-text.js';

export type JsonPath = readonly (string | number)[];

/** The places asked for, as a tree of keys; `line` once the scan has found the place. */
interface Place {
  line?: number;
  readonly children: Map<string | number, Place>;
}

interface Frame {
  readonly kind: '{' | '[';
  /** The place this object or array is, when a path asked for it or for something in it. */
  readonly place: Place | undefined;
  index: number;
  /** The place of the member whose key was read last. */
  member: Place | undefined;
}

const newPlace = (): Place => ({ children: new Map() });

/**
 * A function giving the line of each of `paths` in `text` (1 when not even its first key is in the text;
 * in a text that is not JSON, only the places before the error are found). Only the places on these paths
 * are kept, so the scan costs one pass over the text.
 */
export function jsonPathLines(text: string, paths: readonly JsonPath[]): (path: JsonPath) => number {
  const root = newPlace();
  for (const path of paths) {
    let place = root;
    for (const key of path) {
      let child = place.children.get(key);
      if (!child) place.children.set(key, (child = newPlace()));
      place = child;
    }
  }

  // Lines counted forward from the last offset asked for: the scan asks in increasing order.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = offset;
    return line;
  };

  const frames: Frame[] = [];
  let current: Place | undefined;
  scanJson(text, {
    value(at) {
      const frame = frames[frames.length - 1];
      if (!frame) {
        current = root;
        root.line ??= lineAt(at);
      } else if (frame.kind === '[') {
        frame.index++;
        current = frame.place?.children.get(frame.index);
        if (current) current.line = lineAt(at);
      } else {
        current = frame.member;
      }
    },
    key(start, end) {
      const frame = frames[frames.length - 1]!;
      const children = frame.place?.children;
      const wanted = children?.size ? children.get(JSON.parse(text.slice(start, end)) as string) : undefined;
      // A repeated key: its place was found at the first.
      frame.member = wanted && wanted.line === undefined ? wanted : undefined;
      if (frame.member) frame.member.line = lineAt(start);
    },
    open(bracket) {
      frames.push({ kind: bracket, place: current, index: -1, member: undefined });
    },
    close() {
      frames.pop();
    },
  });

  return (path) => {
    let place = root;
    let found = root.line ?? 1;
    for (const key of path) {
      const child = place.children.get(key);
      if (child?.line === undefined) break;
      found = child.line;
      place = child;
    }
    return found;
  };
}
