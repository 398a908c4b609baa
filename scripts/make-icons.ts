/**
 * Draws KAP's ribbon/manifest icons (rising bars on a rounded blue square) as PNGs at the
 * sizes Office asks for, so the repository needs no image tool. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Coverage (0..1) of the unit-square design at point (x, y) in [0,1]². */
function shape(x: number, y: number): { r: number; g: number; b: number } | null {
  const rad = 0.18;
  const cx = Math.min(Math.max(x, rad), 1 - rad);
  const cy = Math.min(Math.max(y, rad), 1 - rad);
  if ((x - cx) ** 2 + (y - cy) ** 2 > rad * rad) return null;
  const bars = [
    { x0: 0.2, x1: 0.36, top: 0.58 },
    { x0: 0.42, x1: 0.58, top: 0.42 },
    { x0: 0.64, x1: 0.8, top: 0.22 },
  ];
  for (const b of bars)
    if (x >= b.x0 && x <= b.x1 && y >= b.top && y <= 0.8) return { r: 255, g: 255, b: 255 };
  return { r: 0x0f, g: 0x6c, b: 0xbd };
}

function png(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shape((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) {
            r += c.r;
            g += c.g;
            b += c.b;
            a += 1;
          }
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, png(size));
writeFileSync("assets/logo-filled.png", png(256));
console.log("icons written to assets/");
