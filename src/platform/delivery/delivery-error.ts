import { DomainError } from '../../shared/errors/domain-error';

/** Which check a refused message failed. */
export type DeliveryErrorReason = 'invalid_message' | 'card_too_large' | 'invalid_reference';

/** A message the outbox refuses to queue; nothing is stored when this is thrown. */
export class DeliveryError extends DomainError {
  constructor(
    readonly reason: DeliveryErrorReason,
    detail: string,
  ) {
    super('invalid_input', `This message cannot be sent: ${detail}`);
    this.name = 'DeliveryError';
  }
}
