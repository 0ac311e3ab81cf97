import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { createTextPdf, wrapText } from './pdf-text';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const BANNER_SIZE = 9;

export interface WriteOptions {
  font?: 'regular' | 'bold';
  size?: number;
  grey?: boolean;
  colour?: [number, number, number];
  indent?: number;
}

export interface MarkedDocumentOptions {
  title: string;
  /** Printed in a grey band at the top of every page; the first line is also printed at the bottom. */
  banners: string[];
  /** The footer of page `page` of `pages`. */
  footer: (page: number, pages: number) => string;
}

/**
 * An A4 document whose every page carries its marking: text flows from page to page below the
 * banners, and the banners and footer are drawn on each page once the page count is known.
 */
export async function createMarkedDocument(options: MarkedDocumentOptions) {
  const { pdf, regular, bold } = await createTextPdf();
  pdf.setTitle(options.title);
  const width = A4[0] - 2 * MARGIN;
  const top = A4[1] - MARGIN - 10 - 18 * options.banners.length;
  const bottom = MARGIN + 30;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const fontOf = (name: WriteOptions['font']): PDFFont => (name === 'bold' ? bold : regular);

  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = top;
  };
  /** Starts a new page unless `height` points fit on this one. */
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  const write = (text: string, style: WriteOptions = {}) => {
    const font = fontOf(style.font);
    const size = style.size ?? 10;
    const colour = style.colour ?? (style.grey ? [0.35, 0.35, 0.35] : [0, 0, 0]);
    for (const line of wrapText(text, font, size, width - (style.indent ?? 0))) {
      ensure(size + 4);
      page.drawText(line, { x: MARGIN + (style.indent ?? 0), y, size, font, color: rgb(...colour) });
      y -= size + 4;
    }
  };
  const drawBand = (on: PDFPage, text: string, at: number) => {
    const line = wrapText(text, bold, BANNER_SIZE, width)[0]!;
    on.drawRectangle({ x: MARGIN, y: at - 4, width, height: BANNER_SIZE + 8, color: rgb(0.93, 0.93, 0.93) });
    on.drawText(line, { x: MARGIN + (width - bold.widthOfTextAtSize(line, BANNER_SIZE)) / 2, y: at, size: BANNER_SIZE, font: bold, color: rgb(0.55, 0, 0) });
  };

  newPage();
  return {
    pdf,
    fonts: { regular, bold },
    width,
    left: MARGIN,
    write,
    ensure,
    /** Moves the pen down by `points` (a gap between sections). */
    gap: (points: number) => {
      y -= points;
    },
    /** The current page and the pen's height on it, for drawing figures; `advance` moves the pen down. */
    pen: () => ({ page, y }),
    advance: (points: number) => {
      y -= points;
    },
    save: async (): Promise<Uint8Array> => {
      pages.forEach((each, index) => {
        options.banners.forEach((banner, line) => drawBand(each, banner, A4[1] - MARGIN + 8 - 18 * line));
        drawBand(each, options.banners[0]!, MARGIN - 26);
        each.drawText(options.footer(index + 1, pages.length), { x: MARGIN, y: MARGIN - 8, size: 7, font: regular, color: rgb(0.3, 0.3, 0.3) });
      });
      return pdf.save();
    },
  };
}

export type MarkedDocument = Awaited<ReturnType<typeof createMarkedDocument>>;
