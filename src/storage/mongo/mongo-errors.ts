import {
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { StoreUnavailableError } from '../ports';

const DUPLICATE_KEY = 11000;

/**
 * Server answers that mean "try again later" rather than "your request is wrong":
 * shutting down, primary stepped down / not writable, and Cosmos DB's 16500 (request rate too large).
 */
const UNAVAILABLE_CODES = new Set([91, 189, 10107, 11600, 11602, 13435, 13436, 16500]);

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

function isUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoClientClosedError ||
    (error instanceof MongoServerError && typeof error.code === 'number' && UNAVAILABLE_CODES.has(error.code))
  );
}

/** The error callers see: StoreUnavailableError for an unreachable or overloaded database, else the original. */
export function toStoreError(error: unknown): unknown {
  return isUnavailable(error) ? new StoreUnavailableError(error) : error;
}
