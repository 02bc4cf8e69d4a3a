import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateContent } from './certificate-content';

/**
 * A one-page landscape certificate. Standard PDF fonts only (no font files to
 * ship); they cover Western European names, which is the known limit.
 */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(content.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 54,
    info: { Title: `${content.title}: ${content.courseTitle}`, Author: content.issuerName, Subject: content.nameAsIssued, Creator: 'Waypoint' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 108;
  const center = { width, align: 'center' as const };
  doc.rect(36, 36, doc.page.width - 72, doc.page.height - 72).lineWidth(2).stroke('#1f4e79');

  doc.moveDown(1).font('Helvetica-Bold').fontSize(30).fillColor('#1f4e79').text(content.title, center);
  if (content.revokedOn) doc.moveDown(0.3).font('Helvetica-Bold').fontSize(14).fillColor('#b00020').text(`REVOKED on ${content.revokedOn}`, center);
  doc.moveDown(0.8).font('Helvetica').fontSize(14).fillColor('black').text('This certifies that', center);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(26).text(content.nameAsIssued, center);
  doc.moveDown(0.3).font('Helvetica').fontSize(14).text('has completed', center);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).text(content.courseTitle, center);
  doc.font('Helvetica').fontSize(11).text(`(course version ${content.courseVersion})`, center);
  doc.moveDown(0.5).fontSize(14).text(`on ${content.completedOn}`, center);
  if (content.hours) doc.moveDown(0.3).font('Helvetica-Bold').fontSize(14).text(content.hours, center);
  for (const line of content.approval) doc.moveDown(0.3).font('Helvetica').fontSize(10).text(line, center);
  doc.moveDown(0.6).font('Helvetica').fontSize(12).text(`Issued by ${content.issuerName}`, center);

  const qrSize = 96;
  const bottom = doc.page.height - 54 - qrSize;
  doc.image(qr, doc.page.width - 54 - qrSize, bottom, { width: qrSize, height: qrSize });
  const textWidth = width - qrSize - 24;
  doc.font('Helvetica-Bold').fontSize(11).text(`Verification code: ${content.verificationCode}`, 54, bottom + 8, { width: textWidth });
  doc.font('Helvetica').fontSize(9).text(content.verifyHint, 54, bottom + 26, { width: textWidth });
  doc.fontSize(8).fillColor('#555555').text('Signed electronically with Ed25519; the verification service confirms that nothing has changed since issue.', 54, bottom + 62, {
    width: textWidth,
  });
  doc.end();
  return done;
}
