import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  CLINICIAN = 'CLINICIAN',
  STAFF = 'STAFF',
  PATIENT = 'PATIENT',
  FAMILY = 'FAMILY',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN runs the program; CLINICIAN treats patients; STAFF is a staff learner; PATIENT and FAMILY are learners in care.',
});


/** The signed-in person, as the access token states it. Resolvers receive it via @CurrentUser(). */
export interface Principal {
  userId: string;
  orgId: string;
  role: Role;
  /** The session (refresh-token chain) the request came in on; absent outside a signed-in request. */
  sessionId?: string;
}

/** Claims inside an access token. Kept small: no names, no emails. */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
  /** The session (refresh-token chain) the token belongs to; ending the session ends the token. */
  sid: string;
}
