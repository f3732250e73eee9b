import type { CommandRunner } from '../cli-command.js';

export const schemaCommand: CommandRunner = {
  async run(_v, _p, io) {
    const { writeSchemaFile } = await import('../../graphql/schema-file.js');
    const file = await writeSchemaFile();
    io.out(`Wrote ${file}`);
    return 0;
  },
};
