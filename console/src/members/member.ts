import { ApiError } from '../api/http';

/** A role grant as `GET /{organizations|projects}/{id}/members` lists it. */
export interface Member {
  user_id: string;
  username: string;
  role: string;
  created_at: string;
}

export type Collection = 'organizations' | 'projects';

/** A field error of our own making, shown as the server's are (the field named). */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError(422, { detail: message, errors: [{ field, message }] });
}
