// How compareFiles reads a Blob (web/src/compare/sources.js): through its byte stream into one
// reused 4 MiB buffer (every chunk a view of it, valid until the next is asked for), or, where the
// stream is not a byte stream, through its own chunks. Either way every byte arrives once, in order,
// for whole Blobs and byte ranges; leaving early cancels the read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunks, describe } from '../../web/src/compare/sources.js';

// 9 MiB + 123 bytes of a pattern that shows any lost, repeated or reordered byte.
const SIZE = (9 << 20) + 123;
const bytes = new Uint8Array(SIZE);
for (let i = 0; i < SIZE; i++) bytes[i] = (i * 7919 + (i >> 13)) & 0xff;

/** Reads every chunk, copying each before asking for the next (as the engine does). */
async function readAll(iterable) {
  const out = new Uint8Array(SIZE);
  let at = 0;
  const buffers = [];
  for await (const chunk of iterable) {
    out.set(chunk, at);
    at += chunk.length;
    buffers.push(chunk.buffer.byteLength);
  }
  return { out: out.subarray(0, at), buffers };
}

/** A Blob whose stream() is a plain (not byte) stream, as some engines give. */
class PlainStreamBlob extends Blob {
  stream() {
    const source = super.stream();
    return new ReadableStream({
      async start(controller) {
        for await (const piece of source) controller.enqueue(piece);
        controller.close();
      },
    });
  }
}

test('a Blob is read through its byte stream into one reused 4 MiB buffer: every byte once, in order', async () => {
  const blob = new Blob([bytes]);
  const { out, buffers } = await readAll(chunks(blob, describe(blob, 'reference')));
  assert.equal(out.length, SIZE);
  assert.deepEqual(out, bytes);
  assert.ok(buffers.length >= 3, `${buffers.length} chunks`);
  assert.ok(buffers.every((n) => n === 4 << 20), 'every chunk is a view of the 4 MiB read buffer');
});

test('a byte range of a Blob, and a Blob whose stream is not a byte stream, read the same bytes', async () => {
  const blob = new Blob([bytes]);
  const start = 1_000_003;
  const end = SIZE - 77;
  const range = await readAll(chunks(blob, describe(blob, 'reference'), { start, end }));
  assert.deepEqual(range.out, bytes.subarray(start, end));

  const plain = new PlainStreamBlob([bytes]);
  const whole = await readAll(chunks(plain, describe(plain, 'current')));
  assert.deepEqual(whole.out, bytes);
  assert.ok(whole.buffers.some((n) => n !== 4 << 20), 'the plain stream hands out its own chunks');
});

test('leaving the read early cancels it (no error, no hang)', async () => {
  const blob = new Blob([bytes]);
  let seen = 0;
  for await (const chunk of chunks(blob, describe(blob, 'reference'))) {
    seen += chunk.length;
    break;
  }
  assert.ok(seen > 0 && seen < SIZE);
});
