import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ExportedCertificate', { description: 'One certificate of completion, as the PDF the learner downloads.' })
export class ExportedCertificateModel {
  @Field(() => ID, { description: 'The completion record the certificate is for (its `id` in the document).' }) recordId: string;
  @Field() fileName: string;
  @Field({ description: 'The PDF, base64-encoded.' }) pdfBase64: string;
}

@ObjectType('ClientRecordExport', { description: "A copy of a client's own records: one JSON document and their certificate PDFs." })
export class ClientRecordExportModel {
  @Field() generatedAt: Date;
  @Field({
    description: 'Progress, quiz attempts, reflections (with their text), consents, disclosures and completion records, as pretty-printed JSON.',
  })
  document: string;
  @Field(() => [ExportedCertificateModel], {
    description: 'A PDF for each unrevoked completion record, when the reader may hold the certificates (the client or an admin); empty for the care team.',
  })
  certificates: ExportedCertificateModel[];
}
