import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/checker/frontmatter.ts';
import { describeAccepted, fieldRows, replaceFieldSection } from '../../src/authoring/field-reference.ts';
import { generatedFiles } from '../../src/authoring/generated-files.ts';
import { inputJsonSchema, schemaTargets, toJsonSchema } from '../../src/authoring/json-schemas.ts';

describe('generated JSON Schemas and field reference', () => {
  it('match the committed files, so a schema change cannot ship without `npm run schemas`', async () => {
    for (const [file, expected] of await generatedFiles()) {
      expect(await readFile(file, 'utf8'), `${file} is out of date: run npm run schemas`).toBe(expected);
    }
  });

  it('accept every file in the real catalogue, as the Zod schemas do', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    for (const target of schemaTargets) {
      const validate = ajv.compile(toJsonSchema(target));
      const folder = path.dirname(target.files);
      for (const name of await readdir(folder)) {
        const text = await readFile(path.join(folder, name), 'utf8');
        const yaml = name.endsWith('.mdx') ? (splitFrontmatter(text)?.yaml ?? '') : text;
        // The YAML language server reads unquoted dates as text, as the YAML 1.2 core schema does.
        const valid = validate(parse(yaml, { schema: 'core' }));
        expect(valid, `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('require a signing date even though YAML may give it as a number or a timestamp', () => {
    const agreement = toJsonSchema(schemaTargets[0]!);
    expect(agreement['required']).toContain('signed');
    expect(agreement['required']).not.toContain('events');
  });

  it('list the accepted country codes, so editors can complete them', () => {
    const agency = toJsonSchema(schemaTargets.find((target) => target.name === 'agency')!);
    const country = (agency['properties'] as Record<string, { enum?: string[] }>)['country'];
    expect(country?.enum).toContain('JP');
    expect(country?.enum).toContain('EU');
    expect(country?.enum).not.toContain('UK');
  });
});

describe('editor descriptions', () => {
  const agreement = toJsonSchema(schemaTargets[0]!);
  const field = (name: string) => (agreement['properties'] as Record<string, { description?: string }>)[name];

  it('follow each meaning with the allowed values of a short vocabulary, then the guidance', () => {
    expect(field('status')?.description).toBe(
      'Where it stands, as the sources report it: in-effect, signed, expired, superseded, terminated, unknown, announced, under-negotiation.',
    );
    expect(field('shortTitle')?.description).toBe(
      'A short name for lists. Our own, for lists and cards: it needs no source.',
    );
  });

  it('leave a long list of values to completion and keep no key editors do not know', () => {
    const agency = JSON.stringify(toJsonSchema(schemaTargets.find((target) => target.name === 'agency')!));
    expect(agency).not.toContain('"guidance"');
    expect(agency).not.toMatch(/"description":"[^"]*: AD, AE/);
  });
});

describe('the field reference', () => {
  it('names nested fields with their path through lists', () => {
    const rows = fieldRows(inputJsonSchema(schemaTargets[0]!));
    expect(rows.map((row) => row.field)).toContain('parties[].signatories[].person');
    expect(rows.find((row) => row.field === 'summary')?.accepts).toBe('text, at most 320 characters');
  });

  it('does not repeat the allowed values in the meaning column', () => {
    const kind = fieldRows(inputJsonSchema(schemaTargets[0]!)).find((row) => row.field === 'kind');
    expect(kind?.accepts).toMatch(/^one of: `memorandum-of-cooperation`/);
    expect(kind?.description).toBe('The kind of instrument.');
  });

  it('gives a field’s guidance after its meaning', () => {
    const shortTitle = fieldRows(inputJsonSchema(schemaTargets[0]!)).find((row) => row.field === 'shortTitle');
    expect(shortTitle?.description).toBe('A short name for lists. Our own, for lists and cards: it needs no source.');
  });

  it('lists the forms of a field that accepts several', () => {
    const binding = fieldRows(inputJsonSchema(schemaTargets[0]!)).find((row) => row.field === 'binding');
    expect(binding?.accepts).toBe('`true`, `false` or `"unknown"`');
  });

  it('names a long list of values rather than spelling it out', () => {
    expect(describeAccepted({ type: 'string', enum: Array.from({ length: 50 }, (_, index) => `C${index}`) })).toBe(
      'country code',
    );
  });

  it('replaces only the text between the markers', () => {
    const document = 'before\n<!-- fields:start -->\nold\n<!-- fields:end -->\nafter\n';
    expect(replaceFieldSection(document, 'new')).toBe(
      'before\n<!-- fields:start -->\n\nnew\n\n<!-- fields:end -->\nafter\n',
    );
    expect(() => replaceFieldSection('no markers', 'new')).toThrow(/markers/);
  });
});
