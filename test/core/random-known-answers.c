/*
 * Reference outputs for test/core/random.test.ts, computed independently of the TypeScript:
 * xoshiro128** 1.1 as published by Blackman and Vigna (prng.di.unimi.it), seeded from
 * splitmix32 (the golden-ratio increment, then MurmurHash3's 32-bit finaliser), and
 * 32-bit FNV-1a (offset basis 2166136261, prime 16777619).
 *
 *   gcc -std=gnu99 -O2 -o /tmp/random-known-answers test/core/random-known-answers.c -lm
 *   /tmp/random-known-answers
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static uint32_t splitmix_state;

static uint32_t splitmix32_next(void) {
  uint32_t z = (splitmix_state += 0x9e3779b9u);
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static uint32_t s[4];

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t xoshiro128starstar_next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t fnv1a32(const char *text) {
  uint32_t hash = 2166136261u;
  for (size_t i = 0; i < strlen(text); i++) {
    hash ^= (unsigned char)text[i];
    hash *= 16777619u;
  }
  return hash;
}

static void stream(uint32_t seed, int count) {
  splitmix_state = seed;
  for (int i = 0; i < 4; i++) s[i] = splitmix32_next();
  printf("seed %" PRIu32 ": state", seed);
  for (int i = 0; i < 4; i++) printf(" 0x%08" PRIx32, s[i]);
  printf("\n  outputs");
  for (int i = 0; i < count; i++) printf(" %" PRIu32, xoshiro128starstar_next());
  printf("\n");
}

/* Box–Muller as random.ts draws it: u = 1 − x/2^32 in (0, 1], angle 2π·y/2^32; cos, then sin. */
static void normals(uint32_t seed, int pairs) {
  splitmix_state = seed;
  for (int i = 0; i < 4; i++) s[i] = splitmix32_next();
  printf("seed %" PRIu32 ": N(0, 1) draws", seed);
  for (int i = 0; i < pairs; i++) {
    const double u = 1.0 - xoshiro128starstar_next() / 4294967296.0;
    const double angle = 2.0 * M_PI * (xoshiro128starstar_next() / 4294967296.0);
    const double radius = sqrt(-2.0 * log(u));
    printf(" %.17g %.17g", radius * cos(angle), radius * sin(angle));
  }
  printf("\n");
}

int main(void) {
  normals(7, 2);
  stream(0, 10);
  stream(42, 10);
  stream(4294967295u, 10);
  /* mixSeeds(part) in random.ts: the first splitmix32 output from 0x9e3779b9 ^ part. */
  const uint32_t parts[] = {0, 1, 42, 4294967295u};
  for (int i = 0; i < 4; i++) {
    splitmix_state = 0x9e3779b9u ^ parts[i];
    printf("splitmix32 first output from 0x9e3779b9 ^ %" PRIu32 ": %" PRIu32 "\n", parts[i],
           splitmix32_next());
  }
  const char *texts[] = {"", "a", "foobar", "earshot"};
  for (int i = 0; i < 4; i++) printf("fnv1a32(\"%s\") = 0x%08" PRIx32 "\n", texts[i], fnv1a32(texts[i]));
  return 0;
}
