import type { Id } from './id.js';

/** A Canvas file (`File` object), as the last upload step returns it. */
export interface CanvasFile<I extends Id = Id> {
  id: I;
  uuid?: string;
  folder_id?: I | null;
  display_name: string;
  filename: string;
  'content-type': string;
  url: string;
  size: number;
  created_at?: string;
  updated_at?: string;
  locked?: boolean;
  hidden?: boolean;
  thumbnail_url?: string | null;
  mime_class?: string;
}

/** What to upload and how Canvas should name it. */
export interface FileUploadInput {
  file: Blob;
  /** The file name Canvas stores. */
  name: string;
  /** @default file.type */
  contentType?: string;
  /** What to do if a file of that name exists. */
  onDuplicate?: 'rename' | 'overwrite';
}

/** Step 1's answer: where to POST the bytes, and the fields to send with them. */
export interface UploadTicket {
  upload_url: string;
  upload_params: Record<string, string>;
}
