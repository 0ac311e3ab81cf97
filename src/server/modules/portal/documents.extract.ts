import { Piscina } from 'piscina';
import type { DocumentFormat } from '../../../contract/portal';
import { HttpProblem, UnprocessableProblem } from '../../platform/http/errors';
import type { ExtractionLimits, ExtractionOutcome, ExtractionTask } from './documents.extract.worker';

export const MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

export interface ExtractedDocument {
  format: DocumentFormat;
  text: string;
  pageCount: number | null;
}

export interface ExtractorLimits extends ExtractionLimits {
  /** The worker is stopped after this long. */
  timeoutMs: number;
  /** The worker's V8 heap; a file that needs more is refused. */
  maxHeapMb: number;
  /** Uploads waiting for the worker beyond this are answered 503. */
  maxQueue: number;
}

/** Generous for a real strategy or report (a 20 MB upload), far below what the machine has. */
export const EXTRACTION_LIMITS: ExtractorLimits = {
  maxExpandedBytes: 100 * 1024 * 1024,
  maxArchiveEntries: 5000,
  maxPdfPages: 2000,
  maxTextCharacters: 5_000_000,
  timeoutMs: 30_000,
  maxHeapMb: 512,
  maxQueue: 8,
};

class UnsupportedTypeProblem extends HttpProblem {
  constructor(detail: string) {
    super(415, 'Unsupported media type', detail);
  }
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Text extraction off the event loop: one worker thread (the machine's other core serves
 * requests), a time limit after which the worker is terminated, a heap limit, and a short queue.
 */
export function createDocumentExtractor(limits: ExtractorLimits = EXTRACTION_LIMITS) {
  const pool = new Piscina<ExtractionTask, ExtractionOutcome>({
    filename: new URL('./documents.extract.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
    maxQueue: limits.maxQueue,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
  });
  const { timeoutMs: _timeout, maxHeapMb: _heap, maxQueue: _queue, ...taskLimits } = limits;

  async function extract(bytes: Buffer): Promise<ExtractedDocument> {
    let outcome: ExtractionOutcome;
    try {
      outcome = await pool.run({ bytes: new Uint8Array(bytes), limits: taskLimits }, { signal: AbortSignal.timeout(limits.timeoutMs) });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      const code = (error as { code?: string }).code;
      if (name === 'AbortError' || name === 'TimeoutError') {
        throw new UnprocessableProblem(`Reading the document took longer than ${seconds(limits.timeoutMs)} and was stopped; it is refused.`, [{ path: 'file', message: `timeoutMs: ${limits.timeoutMs}` }]);
      }
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new UnprocessableProblem(`Reading the document needs more than ${limits.maxHeapMb} MB of memory; it is refused.`, [{ path: 'file', message: `maxHeapMb: ${limits.maxHeapMb}` }]);
      }
      if (error instanceof Error && /queue is at limit/i.test(error.message)) {
        throw new HttpProblem(503, 'Service unavailable', 'Too many documents are being read right now. Try again in a minute.');
      }
      throw error;
    }
    if (outcome.ok) return { format: outcome.format, text: outcome.text, pageCount: outcome.pageCount };
    if (outcome.status === 415) throw new UnsupportedTypeProblem(outcome.detail);
    throw new UnprocessableProblem(outcome.detail, outcome.limit ? [{ path: 'file', message: outcome.limit }] : undefined);
  }

  return { extract, close: () => pool.destroy() };
}

export type DocumentExtractor = ReturnType<typeof createDocumentExtractor>;
