import type { MethodHandler } from '../service/service-interface.ts';

const ASCII_COW = `
                 (__)
                 (oo)
           /------\\/
          / |    ||
         *  /\\---/\\
            ~~   ~~
`;

/** OSExperimental.Moo: rpm-ostreed's liveness probe, verbatim. */
export function mooMethod(): Record<string, MethodHandler> {
  return { Moo: (_call, [utf8]) => (utf8 ? '🐄\n' : ASCII_COW) };
}
