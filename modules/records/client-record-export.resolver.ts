import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../../src/auth/decorators';
import { Role, type Principal } from '../../src/auth/principal';
import { ClientRecordExportService } from './client-record-export.service';
import { ClientRecordExportModel } from './models/client-record-export.model';

@Resolver()
export class ClientRecordExportResolver {
  constructor(private readonly exports: ClientRecordExportService) {}

  @Roles(Role.PATIENT, Role.FAMILY, Role.CLINICIAN, Role.ADMIN)
  @Query(() => ClientRecordExportModel, {
    description:
      "A copy of a client's records (the HIPAA right of access): progress, quiz attempts, reflections, consents, disclosures and certificates. For the client themself, their care team or an admin; every export is audited.",
  })
  exportClientRecord(@CurrentUser() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<ClientRecordExportModel> {
    return this.exports.export(viewer, id);
  }
}
