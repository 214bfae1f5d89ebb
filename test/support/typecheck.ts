import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks TypeScript sources held in memory (name → text) with the compiler's own API,
 * strict, against the ES2022 library only. Returns the diagnostics as "file(line): message".
 */
// The ES library's files, parsed once per test file: most of the time of a check.
const libraries = new Map<string, ts.SourceFile>();

export const typecheck = (files: Record<string, string>): string[] => {
  const root = '/typecheck/';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const libDir = dirname(ts.getDefaultLibFilePath(options));
  const inMemory = (name: string) => (name.startsWith(root) ? files[name.slice(root.length)] : undefined);
  const host: ts.CompilerHost = {
    ...ts.createCompilerHost(options),
    getSourceFile: (name, version) => {
      const own = inMemory(name);
      if (own !== undefined) return ts.createSourceFile(name, own, version);
      if (name.startsWith(root)) return undefined;
      if (!libraries.has(name)) {
        const text = ts.sys.readFile(join(libDir, name.split('/').pop()!));
        if (text === undefined) return undefined;
        libraries.set(name, ts.createSourceFile(name, text, version));
      }
      return libraries.get(name);
    },
    fileExists: (name) => inMemory(name) !== undefined || (!name.startsWith(root) && ts.sys.fileExists(name)),
    readFile: (name) => inMemory(name) ?? ts.sys.readFile(name),
    directoryExists: (dir) => root.startsWith(`${dir}/`) || `${dir}/` === root || ts.sys.directoryExists(dir),
    realpath: (name) => name,
    getDefaultLibLocation: () => libDir,
    getCurrentDirectory: () => root,
    writeFile: () => undefined,
  };
  const program = ts.createProgram(
    Object.keys(files).map((f) => root + f),
    options,
    host,
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName.slice(root.length)}(${d.file.getLineAndCharacterOfPosition(d.start).line + 1})`
        : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
};
