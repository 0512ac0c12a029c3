/**
 * The first key that occurs twice in one object of a JSON text, or undefined. `JSON.parse` keeps
 * the last of duplicate keys without a word, so a header could show one tensor to one reader and
 * another to the next; this scan finds them. It expects text that `JSON.parse` accepted: it tracks
 * only strings and brackets (an explicit stack, so deep nesting cannot overflow the call stack),
 * and decodes each key (escapes included) before comparing.
 * @returns the duplicated key and the JSON path of its object (`""` for the top level), or undefined
 */
export function findDuplicateKey(json: string): { key: string; path: string } | undefined {
  interface Frame {
    keys: Set<string> | undefined; // undefined for arrays
    expectKey: boolean;
    path: string;
    lastKey: string;
  }
  const stack: Frame[] = [];
  let top: Frame | undefined;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < json.length && json.charCodeAt(j) !== 0x22) j += json.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      if (top?.keys !== undefined && top.expectKey) {
        const key = JSON.parse(json.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { key, path: top.path };
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const path = top === undefined ? '' : top.keys !== undefined ? `${top.path}[${JSON.stringify(top.lastKey)}]` : `${top.path}[]`;
      top = { keys: c === 0x7b ? new Set() : undefined, expectKey: c === 0x7b, path, lastKey: '' };
      stack.push(top);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      top = stack[stack.length - 1];
    } else if (c === 0x2c /* , */ && top?.keys !== undefined) {
      top.expectKey = true;
    }
  }
  return undefined;
}
