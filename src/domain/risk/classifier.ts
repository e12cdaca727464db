import modelFile from './model.json' with { type: 'json' };
import { FEATURE_DIM, featurize } from './features.ts';

/**
 * The trained text classifier: logistic regression over the hashed features of features.ts,
 * trained by `npm run risk:train` (scripts/train-risk.ts) on datasets/risk-corpus.jsonl. The
 * weights are stored in model.json as 16-bit integers (base64) with one scale factor:
 * 128 KiB for 65,536 weights, read once when this module loads.
 */
export interface StoredModel {
  version: 1;
  featureBits: number;
  bias: number;
  /** weight = int16 × scale */
  scale: number;
  /** base64 of FEATURE_DIM little-endian int16 */
  weights: string;
  trainedOn: { messages: number; seed: number; epochs: number; l2: number };
}

export interface LinearModel {
  bias: number;
  weights: Float32Array;
}

export function decodeModel(stored: StoredModel): LinearModel {
  const bytes = Buffer.from(stored.weights, 'base64');
  const weights = new Float32Array(FEATURE_DIM);
  if (bytes.length === FEATURE_DIM * 2) {
    for (let i = 0; i < FEATURE_DIM; i++) weights[i] = bytes.readInt16LE(i * 2) * stored.scale;
  }
  return { bias: stored.bias, weights };
}

export function encodeModel(model: LinearModel, trainedOn: StoredModel['trainedOn']): StoredModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const bytes = Buffer.alloc(FEATURE_DIM * 2);
  for (let i = 0; i < FEATURE_DIM; i++) bytes.writeInt16LE(Math.round(model.weights[i]! / scale), i * 2);
  return { version: 1, featureBits: Math.log2(FEATURE_DIM), bias: model.bias, scale, weights: bytes.toString('base64'), trainedOn };
}

/** The probability (0–1) that a normalized text is a scam, under `model`. */
export function scamProbability(model: LinearModel, normalized: string): number {
  const f = featurize(normalized);
  let z = model.bias;
  for (let j = 0; j < f.length; j++) z += model.weights[f.index[j]!]! * f.value[j]!;
  return 1 / (1 + Math.exp(-z));
}

export const MODEL: LinearModel = decodeModel(modelFile as StoredModel);
