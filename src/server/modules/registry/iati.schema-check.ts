import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'iati');
let schemaFiles: { fileName: string; contents: string }[] | null = null;
const load = () =>
  (schemaFiles ??= ['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(folder, fileName), 'utf8') })));

export interface SchemaError {
  line: number | null;
  message: string;
}

/** Validates an IATI activity file against the published 2.03 schema shipped in ./iati (libxml2 in WebAssembly). */
export async function validateIati(xml: string): Promise<{ valid: boolean; errors: SchemaError[] }> {
  const [schema, ...preload] = load();
  const result = await validateXML({ xml: [{ fileName: 'activities.xml', contents: xml }], schema: [schema!], preload, initialMemoryPages: 512, maxMemoryPages: 4096 });
  return { valid: result.valid, errors: result.errors.map((error) => ({ line: error.loc?.lineNumber ?? null, message: error.message })) };
}
