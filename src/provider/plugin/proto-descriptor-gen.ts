/**
 * Compiles our .proto files into `proto/plugin-descriptor.json` (protobufjs JSON), which
 * the runtime loads with protobufjs/light: parsing .proto text and building proto-loader's
 * reflection descriptors cost ~75 ms of CPU on every provider start, and terraform starts
 * the provider 3–4 times per command.
 *
 * Regenerate after editing proto/: `npm run build && node dist/src/provider/plugin/proto-descriptor-gen.js`.
 * test/unit/plugin-proto.test.ts fails while the JSON is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { DESCRIPTOR_FILE, PROTO_FILES, protoDirectory } from './proto-definitions.js';

export function generateDescriptor(protoDir: string): object {
  const root = new protobuf.Root();
  const bundled = root.resolvePath.bind(root);
  // our files by name from proto/, google/protobuf/* from protobufjs's bundled copies
  root.resolvePath = (origin: string, target: string): string =>
    target.startsWith('google/protobuf/') ? (bundled(origin, target) ?? target) : join(protoDir, target);
  root.loadSync([...PROTO_FILES], { keepCase: true });
  root.resolveAll();
  return root.toJSON();
}

export function descriptorJson(protoDir: string): string {
  return `${JSON.stringify(generateDescriptor(protoDir), null, 1)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = protoDirectory();
  writeFileSync(join(dir, DESCRIPTOR_FILE), descriptorJson(dir));
  process.stderr.write(`wrote ${join(dir, DESCRIPTOR_FILE)}\n`);
}
