/**
 * JSPF as xspf.org/jspf describes it ("JSPF is JSON XSPF"), as a strict zod schema written for
 * Earshot's tests from that page and the XSPF 1 element definitions: every field optional but
 * `track` (XSPF's trackList, which a playlist MUST have), no field outside the specification,
 * URIs as URLs or URNs, `date` an xsd:dateTime, `duration` whole milliseconds, `trackNum` from 1,
 * and a track's `location` and `identifier` arrays of URIs.
 */
import { z } from 'zod';

const uri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'a URI');
const pairs = z.array(z.record(uri, z.string())).readonly();
const extension = z.record(uri, z.array(z.unknown()));

const track = z.strictObject({
  location: z.array(uri).optional(),
  identifier: z.array(uri).optional(),
  title: z.string().optional(),
  creator: z.string().optional(),
  annotation: z.string().optional(),
  info: uri.optional(),
  image: uri.optional(),
  album: z.string().optional(),
  trackNum: z.int().min(1).optional(),
  duration: z.int().min(0).optional(),
  link: pairs.optional(),
  meta: pairs.optional(),
  extension: extension.optional(),
});

export const jspfSchema = z.strictObject({
  playlist: z.strictObject({
    title: z.string().optional(),
    creator: z.string().optional(),
    annotation: z.string().optional(),
    info: uri.optional(),
    location: uri.optional(),
    identifier: uri.optional(),
    image: uri.optional(),
    date: z.iso.datetime({ offset: true }).optional(),
    license: uri.optional(),
    attribution: z
      .array(z.union([z.strictObject({ location: uri }), z.strictObject({ identifier: uri })]))
      .optional(),
    link: pairs.optional(),
    meta: pairs.optional(),
    extension: extension.optional(),
    track: z.array(track),
  }),
});
