import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PANEL_NAME, COUNCIL_NAME } from '../../features/meetings';

/** What a committee paper holds, in order; the builder lays it out the way council papers look. */
export type WordBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'facts'; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[] }
  | { kind: 'chart'; png: Buffer; width: number; height: number; altText: string }
  | { kind: 'bullets'; items: readonly string[] };

export interface WordReport {
  /** 'Challenge cards: quarterly update'. */
  title: string;
  /** 'Q3 2026: 1 July to 30 September 2026'. */
  period: string;
  /** 'Prepared by the panel bot on Thursday 1 October 2026'. */
  preparedLine: string;
  blocks: readonly WordBlock[];
  /** Larger type for young readers ("You said, we did"). */
  largeType?: boolean;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Charts are placed at this width (pixels at 96 per inch): the A4 text width with standard margins. */
const PAGE_TEXT_WIDTH = 600;

/**
 * A Word document (.docx, the format councils circulate committee papers in) written by the
 * maintained `docx` library: the council's heading, the committee, the report's title and
 * period, then the blocks. Arial throughout, page numbers in the footer, charts with alt text.
 */
export function renderWordReport(report: WordReport): Promise<Buffer> {
  const body = report.largeType ? 28 : 22;
  const document = new Document({
    creator: `${COUNCIL_NAME} ${PANEL_NAME}`,
    title: report.title,
    description: `${report.title}, ${report.period}`,
    styles: { default: { document: { run: { font: 'Arial', size: body } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ children: [new TextRun({ text: COUNCIL_NAME, bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: PANEL_NAME, size: 26 })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: report.title, bold: true, size: 36 })] }),
          new Paragraph({ children: [new TextRun({ text: report.period, bold: true })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: report.preparedLine, italics: true, size: body - 4 })] }),
          ...report.blocks.flatMap(blockContent),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function blockContent(block: WordBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.text, bold: true, size: 28 })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, bold: block.bold, italics: block.italic })] }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'facts':
      return [
        table(
          undefined,
          block.rows.map((row) => [...row]),
        ),
        spacer(),
      ];
    case 'table':
      return [
        table(
          [...block.columns],
          block.rows.map((row) => [...row]),
        ),
        spacer(),
      ];
    case 'chart': {
      const width = Math.min(PAGE_TEXT_WIDTH, block.width);
      const height = Math.round((block.height * width) / Math.max(1, block.width));
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            new ImageRun({
              type: 'png',
              data: block.png,
              transformation: { width, height },
              altText: { name: 'Chart', title: 'Chart', description: block.altText },
            }),
          ],
        }),
      ];
    }
  }
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const TABLE_BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
};

/**
 * Borders and cell margins are set once on the table, not on every cell: a committee paper can
 * list hundreds of completed cards, and per-cell properties made most of the document's XML (and
 * most of the time it took to write).
 */
function table(columns: string[] | undefined, rows: string[][]): Table {
  const header = columns ? [new TableRow({ tableHeader: true, children: columns.map((text) => cell(text, true)) })] : [];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TABLE_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [...header, ...rows.map((row) => new TableRow({ children: row.map((text, column) => cell(text, !columns && column === 0)) }))],
  });
}

function cell(text: string, bold: boolean): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(bold ? { text: line, bold } : line)] })),
  });
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}
