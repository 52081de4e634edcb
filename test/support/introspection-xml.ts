/** Members of one interface as D-Bus introspection XML describes them. */
export interface IntrospectedInterface {
  readonly methods: Record<string, { args: Arg[]; annotations: Record<string, string> }>;
  readonly properties: Record<
    string,
    { type: string; access: string; annotations: Record<string, string> }
  >;
  readonly signals: Record<string, { args: Arg[]; annotations: Record<string, string> }>;
}

export interface Arg {
  readonly name: string | null;
  readonly type: string;
  readonly direction: string;
}

interface Element {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** A small parser for introspection XML (elements and attributes only). */
function parseXml(xml: string): Element {
  const body = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*\?>/g, '');
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const [, closing, name, attrText, selfClosing] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (closing) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
    const el: Element = { tag: name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  return root;
}

const annotations = (el: Element) =>
  Object.fromEntries(
    el.children.filter((c) => c.tag === 'annotation').map((c) => [c.attrs.name!, c.attrs.value!]),
  );

const args = (el: Element, defaultDirection: string): Arg[] =>
  el.children
    .filter((c) => c.tag === 'arg')
    .map((c) => ({
      name: c.attrs.name ?? null,
      type: c.attrs.type!,
      direction: c.attrs.direction ?? defaultDirection,
    }));

/** Interfaces by name, with methods/properties/signals by name. */
export function parseIntrospection(xml: string): Record<string, IntrospectedInterface> {
  const out: Record<string, IntrospectedInterface> = {};
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (c.tag === 'interface') {
        const iface: IntrospectedInterface = { methods: {}, properties: {}, signals: {} };
        for (const m of c.children) {
          const name = m.attrs.name!;
          if (m.tag === 'method')
            iface.methods[name] = { args: args(m, 'in'), annotations: annotations(m) };
          else if (m.tag === 'signal')
            iface.signals[name] = { args: args(m, 'out'), annotations: annotations(m) };
          else if (m.tag === 'property')
            iface.properties[name] = {
              type: m.attrs.type!,
              access: m.attrs.access!,
              annotations: annotations(m),
            };
        }
        out[c.attrs.name!] = iface;
      } else if (c.tag === 'node') visit(c);
    }
  };
  visit(parseXml(xml));
  return out;
}
