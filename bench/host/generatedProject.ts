// Prints the folder of the generated benchmark project of a size (200 transcripts, 20,000
// annotations for "medium"), generating it under bench/tmp/ unless it is there already.
import { join } from 'node:path';
import { ensureProject, SIZES, type SizeName } from '../generate';

const size = (process.argv[2] ?? 'medium') as SizeName;
const seed = Number(process.argv[3] ?? 20261123);

ensureProject(join(__dirname, '..', 'tmp'), SIZES[size], seed).then(
  (project) =>
    console.log(
      JSON.stringify({ root: project.root, transcripts: project.transcripts, annotations: project.annotations }),
    ),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
