// The entry of the document-extraction worker thread. A worker starts without the TypeScript
// loader of the main thread, so it registers tsx before loading the task (decision 0002).
import { register } from 'tsx/esm/api';

register();
const { extractInWorker } = await import('./documents.extract.worker.ts');

export default extractInWorker;
