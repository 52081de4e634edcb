/**
 * A D-Bus interface described once, the way the interface XML describes it
 * (argument names, directions, annotations). The sandbox builds its dbus-next
 * members and its introspection data from these, so what the daemon serves
 * and what it advertises cannot drift apart.
 */

export interface ArgSpec {
  readonly name: string;
  readonly type: string;
}

export type Annotations = Readonly<Record<string, string>>;

export interface MethodSpec {
  readonly in?: readonly ArgSpec[];
  readonly out?: readonly ArgSpec[];
  readonly annotations?: Annotations;
}

export interface PropertySpec {
  readonly type: string;
  readonly access: 'read' | 'write' | 'readwrite';
  readonly annotations?: Annotations;
}

export interface SignalSpec {
  readonly args?: readonly ArgSpec[];
  readonly annotations?: Annotations;
}

export interface InterfaceSpec {
  readonly name: string;
  readonly methods?: Readonly<Record<string, MethodSpec>>;
  readonly properties?: Readonly<Record<string, PropertySpec>>;
  readonly signals?: Readonly<Record<string, SignalSpec>>;
}

/** The concatenated types of a method's in-arguments (its D-Bus call signature). */
export function inSignature(m: MethodSpec): string {
  return (m.in ?? []).map((a) => a.type).join('');
}

/** The concatenated types of a method's out-arguments. */
export function outSignature(m: MethodSpec): string {
  return (m.out ?? []).map((a) => a.type).join('');
}

type XmlNode = { $: Record<string, string>; [child: string]: unknown };

const annotationNodes = (a: Annotations | undefined): XmlNode[] =>
  Object.entries(a ?? {}).map(([name, value]) => ({ $: { name, value } }));

/** The xml2js object dbus-next's introspection builder expects for one interface. */
export function introspectionNode(spec: InterfaceSpec): XmlNode {
  const node: XmlNode = { $: { name: spec.name } };
  node.method = Object.entries(spec.methods ?? {}).map(([name, m]) => ({
    $: { name },
    annotation: annotationNodes(m.annotations),
    arg: [
      ...(m.in ?? []).map((a) => ({ $: { type: a.type, name: a.name, direction: 'in' } })),
      ...(m.out ?? []).map((a) => ({ $: { type: a.type, name: a.name, direction: 'out' } })),
    ],
  }));
  node.property = Object.entries(spec.properties ?? {}).map(([name, p]) => ({
    $: { type: p.type, name, access: p.access },
    annotation: annotationNodes(p.annotations),
  }));
  node.signal = Object.entries(spec.signals ?? {}).map(([name, s]) => ({
    $: { name },
    annotation: annotationNodes(s.annotations),
    arg: (s.args ?? []).map((a) => ({ $: { type: a.type, name: a.name } })),
  }));
  return node;
}
