/**
 * `npm run risk:train`: trains the risk text classifier and evaluates the whole scorer.
 *
 * 1. Reads datasets/risk-corpus.jsonl (made by `npm run risk:corpus`).
 * 2. Splits it deterministically (seed below): for each group (fraud type, or kind of
 *    legitimate message) a quarter of its TEMPLATES are held out whole, so the held-out
 *    messages were never seen in any wording during training.
 * 3. Trains logistic regression (SGD, L2, seeded shuffles) on the hashed features of
 *    src/domain/risk/features.ts, evaluates the classifier alone and the full scorer
 *    (rules + look-alike signals + classifier, no verdicts) on the held-out templates, and,
 *    for comparison, on a random message-level split (same templates on both sides).
 * 4. Trains the shipped model on the whole corpus but the blind set, writes
 *    src/domain/risk/model.json, and measures the shipped scorer on the blind set: templates
 *    written after the rules and weights were settled and never used to tune them.
 * 5. Writes the figures between the evaluation markers of docs/risk.md (the same corpus gives
 *    the same model and the same text, byte for byte).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FEATURE_DIM, featurize, type Features } from '../src/domain/risk/features.ts';
import { encodeModel, scamProbability, type LinearModel } from '../src/domain/risk/classifier.ts';
import { normalizeText } from '../src/domain/risk/normalize-text.ts';
import { scoreRisk } from '../src/domain/risk/scorer.ts';
import { seededRandom, type CorpusLine } from './generate-risk-corpus.ts';

export const SPLIT_SEED = 7;
const EPOCHS = Number(process.env.RISK_EPOCHS ?? 15);
const L2 = Number(process.env.RISK_L2 ?? 1e-5);
const LEARNING_RATE = 0.5;
const HELD_OUT_SHARE = 0.25;

const root = new URL('../', import.meta.url);
const everything: CorpusLine[] = readFileSync(new URL('datasets/risk-corpus.jsonl', root), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as CorpusLine);
/** The blind set is never trained on: it only measures the shipped scorer (see docs/risk.md). */
const corpus = everything.filter((l) => !l.blind);
const blind = everything.filter((l) => l.blind);

function shuffle<T>(xs: T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function templateSplit(lines: CorpusLine[]): { train: CorpusLine[]; test: CorpusLine[]; heldOut: string[] } {
  const random = seededRandom(SPLIT_SEED);
  const byGroup = new Map<string, Set<string>>();
  for (const l of lines) (byGroup.get(l.group) ?? byGroup.set(l.group, new Set()).get(l.group)!).add(l.template);
  const heldOut = new Set<string>();
  for (const group of [...byGroup.keys()].sort()) {
    const templates = shuffle([...byGroup.get(group)!].sort(), random);
    const n = Math.max(1, Math.round(templates.length * HELD_OUT_SHARE));
    for (const t of templates.slice(0, n)) heldOut.add(t);
  }
  return { train: lines.filter((l) => !heldOut.has(l.template)), test: lines.filter((l) => heldOut.has(l.template)), heldOut: [...heldOut].sort() };
}

function randomSplit(lines: CorpusLine[]): { train: CorpusLine[]; test: CorpusLine[] } {
  const shuffled = shuffle(lines, seededRandom(SPLIT_SEED + 1));
  const cut = Math.round(shuffled.length * (1 - HELD_OUT_SHARE));
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}

function train(lines: CorpusLine[]): LinearModel {
  const examples: Array<{ f: Features; y: number }> = lines.map((l) => ({ f: featurize(normalizeText(l.text)), y: l.label === 'scam' ? 1 : 0 }));
  // Each class weighs the same in total, whatever the balance of the corpus.
  const positives = examples.filter((e) => e.y === 1).length;
  const classWeight = [examples.length / (2 * Math.max(1, examples.length - positives)), examples.length / (2 * Math.max(1, positives))];
  const weights = new Float32Array(FEATURE_DIM);
  let bias = 0;
  const random = seededRandom(SPLIT_SEED + 2);
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const { f, y } of shuffle(examples, random)) {
      const rate = LEARNING_RATE / (1 + step++ * 1e-4);
      let z = bias;
      for (let j = 0; j < f.length; j++) z += weights[f.index[j]!]! * f.value[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * classWeight[y]!;
      for (let j = 0; j < f.length; j++) {
        const i = f.index[j]!;
        weights[i] = weights[i]! - rate * (g * f.value[j]! + L2 * weights[i]!);
      }
      bias -= rate * g;
    }
  }
  return { bias, weights };
}

interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

function figures(c: Counts) {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const fpr = c.fp / Math.max(1, c.fp + c.tn);
  return { precision, recall, f1, fpr };
}

function evaluate(test: CorpusLine[], predict: (l: CorpusLine) => boolean) {
  const all: Counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const byGroup = new Map<string, { label: string; hard: boolean; n: number; flagged: number }>();
  let hardN = 0;
  let hardFlagged = 0;
  for (const l of test) {
    const flagged = predict(l);
    const scam = l.label === 'scam';
    if (scam && flagged) all.tp++;
    else if (scam) all.fn++;
    else if (flagged) all.fp++;
    else all.tn++;
    if (l.hard_negative) {
      hardN++;
      if (flagged) hardFlagged++;
    }
    const g = byGroup.get(l.group) ?? { label: l.label, hard: l.hard_negative, n: 0, flagged: 0 };
    g.n++;
    if (flagged) g.flagged++;
    byGroup.set(l.group, g);
  }
  return { counts: all, ...figures(all), hardFpr: hardFlagged / Math.max(1, hardN), hardN, byGroup };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const dec = (x: number) => x.toFixed(3);

function table(name: string, e: ReturnType<typeof evaluate>): string {
  const c = e.counts;
  return `| ${name} | ${c.tp + c.fn} / ${c.tn + c.fp} | ${dec(e.precision)} | ${dec(e.recall)} | **${dec(e.f1)}** | **${pct(e.fpr)}** | ${pct(e.hardFpr)} (${e.hardN}) |`;
}

function confusion(e: ReturnType<typeof evaluate>): string {
  const rows = [...e.byGroup].sort(([a, x], [b, y]) => x.label.localeCompare(y.label) || a.localeCompare(b));
  const lines = ['| group | true label | held-out messages | labelled scam | labelled legit |', '|---|---|---:|---:|---:|'];
  for (const [group, g] of rows) {
    lines.push(`| ${group}${g.hard ? ' (hard negative)' : ''} | ${g.label} | ${g.n} | ${g.flagged} | ${g.n - g.flagged} |`);
  }
  return lines.join('\n');
}

const split = templateSplit(corpus);
const heldOutModel = train(split.train);
const scorerFlags = (model: LinearModel) => (l: CorpusLine) => scoreRisk({ text: l.text }, {}, model).label === 'scam';
const classifierFlags = (model: LinearModel) => (l: CorpusLine) => scamProbability(model, normalizeText(l.text)) >= 0.5;
const templateScorer = evaluate(split.test, scorerFlags(heldOutModel));
const templateClassifier = evaluate(split.test, classifierFlags(heldOutModel));

if (process.env.RISK_TRAIN_SHOW_ERRORS) {
  const shown = new Map<string, number>();
  for (const l of split.test) {
    const r = scoreRisk({ text: l.text }, {}, heldOutModel);
    if ((r.label === 'scam') === (l.label === 'scam') || (shown.get(l.template) ?? 0) >= 1) continue;
    shown.set(l.template, (shown.get(l.template) ?? 0) + 1);
    process.stderr.write(`${l.template} ${r.score} ${l.text.slice(0, 140)}\n    ${r.reasons.map((x) => `${x.signal}:${x.weight}`).join(' ')}\n`);
  }
}

if (process.env.RISK_TRAIN_GRID) {
  // Validation of the scorer's classifier settings on the held-out templates (never the blind set).
  const rows = split.test.map((l) => {
    const r = scoreRisk({ text: l.text }, {}, heldOutModel);
    const others = r.reasons.filter((x) => x.signal !== 'text.classifier' && x.signal !== 'score.clamp');
    return { scam: l.label === 'scam', base: others.reduce((n, x) => n + x.weight, 0), corroborated: others.some((x) => x.weight > 0), p: scamProbability(heldOutModel, normalizeText(l.text)) };
  });
  const scams = rows.filter((r) => r.scam);
  process.stderr.write(`scams with a concrete reason: ${scams.filter((r) => r.corroborated).length} / ${scams.length}\n`);
  for (const center of [0.3, 0.25, 0.2]) for (const max of [80, 100]) {
    for (const min of [30]) {
      for (const cap of [true, false]) {
        const c: Counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
        for (const row of rows) {
          let pts = row.p >= center ? Math.round((max * (row.p - center)) / (1 - center)) : Math.round((min * (row.p - center)) / center);
          if (cap && !row.corroborated && pts >= 50) pts = 49;
          const flagged = row.base + pts >= 50;
          if (row.scam && flagged) c.tp++;
          else if (row.scam) c.fn++;
          else if (flagged) c.fp++;
          else c.tn++;
        }
        const f = figures(c);
        process.stderr.write(`center ${center} max ${max} min ${min} cap ${cap}: P ${dec(f.precision)} R ${dec(f.recall)} F1 ${dec(f.f1)} FPR ${pct(f.fpr)}\n`);
      }
    }
  }
}

const rsplit = randomSplit(corpus);
const randomModel = train(rsplit.train);
const randomScorer = evaluate(rsplit.test, scorerFlags(randomModel));

const shipped = train(corpus);
const blindScorer = evaluate(blind, scorerFlags(shipped));
writeFileSync(new URL('src/domain/risk/model.json', root), JSON.stringify(encodeModel(shipped, { messages: corpus.length, seed: SPLIT_SEED, epochs: EPOCHS, l2: L2 })) + '\n');

const scams = corpus.filter((l) => l.label === 'scam').length;
const report = `<!-- evaluation:start (written by npm run risk:train; do not edit by hand) -->
Corpus (outside the blind set): ${corpus.length} messages — ${scams} scam, ${corpus.length - scams} legitimate, of which ${corpus.filter((l) => l.hard_negative).length} hard negatives;
${new Set(corpus.map((l) => l.template)).size} templates in ${new Set(corpus.map((l) => l.group)).size} groups.
Held-out split: ${split.heldOut.length} whole templates (a quarter of each group, seed ${SPLIT_SEED}) — ${split.test.length} messages; trained on the other ${split.train.length}.

| evaluated on | scam / legit messages | precision | recall | F1 | false positives on legit | … on hard negatives (n) |
|---|---|---:|---:|---:|---:|---:|
${table('**held-out templates, full scorer**', templateScorer)}
${table('held-out templates, classifier alone (p ≥ 0.5)', templateClassifier)}
${table('random message split, full scorer (optimistic)', randomScorer)}
${table('**blind set, shipped scorer**', blindScorer)}

Confusion by group, full scorer on the held-out templates:

${confusion(templateScorer)}

Blind set (${blind.length} messages from ${new Set(blind.map((l) => l.template)).size} templates written after tuning; shipped model and rules), by group:

${confusion(blindScorer)}

Held-out templates: ${split.heldOut.join(', ')}.
The shipped model (src/domain/risk/model.json) is then trained on all ${corpus.length} messages outside the blind set.
<!-- evaluation:end -->`;

const docUrl = new URL('docs/risk.md', root);
let doc = '';
try {
  doc = readFileSync(docUrl, 'utf8');
} catch {
  doc = '# Risk scores\n\n## Evaluation\n\n<!-- evaluation:start -->\n<!-- evaluation:end -->\n';
}
const updated = doc.replace(/<!-- evaluation:start[\s\S]*?<!-- evaluation:end -->/, report);
writeFileSync(docUrl, updated.includes('evaluation:start') ? updated : `${doc}\n${report}\n`);
process.stdout.write(`${report}\n`);
