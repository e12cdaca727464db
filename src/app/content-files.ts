import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFraudType } from '../domain/fraud-types.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../store/schema.ts';
import { parseFrontMatter } from './front-matter.ts';

/** The repository's content folder (content/articles, content/demo-alerts). */
export const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(vi|en)\.md$/;

export interface ContentFile {
  /** The shared name of the language versions: `<key>.<lang>.md`. */
  key: string;
  lang: ContentLanguage;
  title: string;
  summary: string;
  body: string;
  /** sha256 of the whole file, to notice changes on the next import. */
  sha256: string;
  data: Record<string, unknown>;
  file: string;
}

export interface ArticleFile extends ContentFile {
  fraudType: string;
}

export interface AlertFile extends ContentFile {
  fraudTypes: string[];
  /** How long before the seeding the demo alert was published. */
  daysAgo: number;
}

function text(data: Record<string, unknown>, field: string, file: string): string {
  const value = data[field];
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${file}: the front matter needs a non-empty "${field}".`);
  return value.trim();
}

/** Reads every `<key>.<vi|en>.md` of a folder; a malformed file stops the load with its name. */
export function readContentFiles(dir: string): ContentFile[] {
  if (!fs.existsSync(dir)) return [];
  const files: ContentFile[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const file = path.join(dir, name);
    const match = FILE_NAME.exec(name);
    if (!match) throw new Error(`${file}: content files are named <key>.<vi|en>.md with a lower-case key.`);
    const raw = fs.readFileSync(file, 'utf8');
    const parsed = parseFrontMatter(raw);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
    const lang = match[2] as ContentLanguage;
    if (!CONTENT_LANGUAGES.includes(lang)) throw new Error(`${file}: unknown language.`);
    files.push({
      key: match[1]!,
      lang,
      title: text(parsed.data, 'title', file),
      summary: text(parsed.data, 'summary', file),
      body: parsed.body,
      sha256: createHash('sha256').update(raw).digest('hex'),
      data: parsed.data,
      file,
    });
  }
  return files;
}

export function readArticleFiles(dir = path.join(CONTENT_DIR, 'articles')): ArticleFile[] {
  return readContentFiles(dir).map((f) => {
    const fraudType = text(f.data, 'fraudType', f.file);
    if (!isFraudType(fraudType)) throw new Error(`${f.file}: "${fraudType}" is not a fraud type of the taxonomy.`);
    return { ...f, fraudType };
  });
}

export function readDemoAlertFiles(dir = path.join(CONTENT_DIR, 'demo-alerts')): AlertFile[] {
  return readContentFiles(dir).map((f) => {
    const fraudTypes = f.data.fraudTypes;
    if (!Array.isArray(fraudTypes) || !fraudTypes.every((t) => typeof t === 'string' && isFraudType(t))) {
      throw new Error(`${f.file}: "fraudTypes" must be a list of fraud types of the taxonomy.`);
    }
    const daysAgo = f.data.daysAgo ?? 0;
    if (typeof daysAgo !== 'number' || !(daysAgo >= 0)) throw new Error(`${f.file}: "daysAgo" must be a number of days, 0 or more.`);
    return { ...f, fraudTypes: fraudTypes as string[], daysAgo };
  });
}
