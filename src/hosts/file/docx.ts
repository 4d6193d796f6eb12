/** .docx for the explanation text: export with the `docx` library; read a .docx's paragraphs for check-text. */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { Section } from '../../core/narrative/generate';
import { safeText } from '../../core/safe-text';
import { HostError } from '../host';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

/**
 * The Word document (Node: Packer.toBuffer; browser: Packer.toBlob). Control characters from the workbook (a
 * department name with Word's line break U+000B) are left out: XML 1.0 forbids them and Word would not open the file.
 */
export function sectionsDocument(rawTitle: string, rawSections: Section[]): Document {
  const title = safeText(rawTitle);
  const sections = rawSections.map((s) => ({ ...s, title: safeText(s.title), text: safeText(s.text) }));
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: 36, font: FONT })] }),
  ];
  for (const s of sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: s.title, bold: true, size: 30, font: FONT })],
      }),
    );
    for (const line of s.text.split('\n')) {
      // Placeholders are highlighted so they are not forgotten.
      const runs = line
        .split(/(【[^】]*】)/)
        .filter(Boolean)
        .map((part) => new TextRun({ text: part, size: 28, font: FONT, highlight: part.startsWith('【') ? 'yellow' : undefined }));
      children.push(new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 360 }, children: runs }));
    }
  }
  return new Document({ creator: '部门预算公开助手', title, sections: [{ children }] });
}

export async function sectionsToDocx(title: string, sections: Section[]): Promise<Buffer> {
  return Packer.toBuffer(sectionsDocument(title, sections));
}

export async function sectionsToDocxBlob(title: string, sections: Section[]): Promise<Blob> {
  return Packer.toBlob(sectionsDocument(title, sections));
}

/** The text of a .docx: one line per paragraph (w:p), tabs and breaks kept. */
export function docxText(buf: Uint8Array): string {
  let xml: string;
  try {
    const files = unzipSync(buf, { filter: (f) => f.name === 'word/document.xml' });
    if (!files['word/document.xml']) throw new Error('no document.xml');
    xml = strFromU8(files['word/document.xml']);
  } catch {
    throw new HostError('无法读取该 Word 文件：请确认是 .docx 格式（旧版 .doc 请先另存为 .docx）', 'unreadable');
  }
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((m) => (m[1] !== undefined ? decode(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n'))
        .join(''),
    )
    .join('\n');
}
