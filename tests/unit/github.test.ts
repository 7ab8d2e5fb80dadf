import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repository } from '../../src/repository.ts';

interface Step {
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly permissions?: unknown;
  readonly 'timeout-minutes'?: number;
  readonly steps?: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: unknown;
  readonly concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  readonly jobs: Record<string, Job>;
}

const workflowFolder = '.github/workflows';
const workflowNames = (await readdir(workflowFolder)).filter((name) => name.endsWith('.yml'));
const workflows = await Promise.all(
  workflowNames.map(async (name) => ({
    name,
    text: await readFile(`${workflowFolder}/${name}`, 'utf8'),
    workflow: parse(await readFile(`${workflowFolder}/${name}`, 'utf8')) as Workflow,
  })),
);

describe('GitHub workflows', () => {
  it('include CI and the Pages deployment', () => {
    expect(workflowNames).toEqual(expect.arrayContaining(['ci.yml', 'deploy.yml']));
  });

  it.each(workflows)('$name grants nothing at the top and only what each job needs', ({ workflow }) => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeTypeOf('object');
  });

  it.each(workflows)('$name pins every action by full commit with its version in a comment', ({ text }) => {
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [line, action, comment] of uses) {
      expect(action, line).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it.each(workflows)('$name limits every job in time and cancels stale runs', ({ workflow }) => {
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
    for (const job of Object.values(workflow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it.each(workflows)('$name never runs fork code with secrets', ({ workflow }) => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });

  it('checks pull requests and main', () => {
    const ci = workflows.find(({ name }) => name === 'ci.yml')!.workflow;
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
  });

  it('checks out full history wherever the site is built, so last-changed dates come from git', () => {
    for (const { workflow } of workflows) {
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])) {
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['fetch-depth']).toBe(0);
      }
    }
  });

  it('lets only the deploy job write to Pages', () => {
    const deploy = workflows.find(({ name }) => name === 'deploy.yml')!.workflow;
    expect(deploy.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.jobs['build']?.permissions).toEqual({ contents: 'read' });
  });
});

describe('issue forms', () => {
  it('give the entry-error form the field the "report a problem" link fills in', async () => {
    const form = parse(await readFile('.github/ISSUE_TEMPLATE/entry-error.yml', 'utf8')) as {
      body: { id?: string; type: string }[];
    };
    const link = new URL(repository.reportProblem('gds-digital-agency-moc-2022', 'A title'));
    expect(link.searchParams.get('template')).toBe('entry-error.yml');
    const prefilled = [...link.searchParams.keys()].filter((key) => key !== 'template' && key !== 'title');
    const ids = form.body.map((field) => field.id);
    for (const key of prefilled) expect(ids).toContain(key);
    expect(ids).toContain('entry');
  });

  it('are each a form with a name, a description and a body', async () => {
    for (const name of ['suggest-agreement.yml', 'entry-error.yml', 'site-problem.yml']) {
      const form = parse(await readFile(`.github/ISSUE_TEMPLATE/${name}`, 'utf8')) as Record<string, unknown>;
      expect(form['name'], name).toBeTypeOf('string');
      expect(form['description'], name).toBeTypeOf('string');
      expect(Array.isArray(form['body']), name).toBe(true);
    }
  });
});

describe('dependabot', () => {
  it('updates npm packages and GitHub Actions', async () => {
    const config = parse(await readFile('.github/dependabot.yml', 'utf8')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});
