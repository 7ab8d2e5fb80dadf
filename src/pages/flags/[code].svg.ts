import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { digestOf } from '../../catalogue/page-keys.ts';
import { countryFlagSvg, flagCodes } from '../../countries.ts';

// Each flag is a file that pages show as an image. Written into the pages, a flag was repeated at
// every mention (the United Kingdom's is 1.1 KB of SVG): on a synthetic catalogue of 2,000
// agreements, a page of the agreements index carried 151 KB of flags in its 241 KB.
// A flag's key is a digest of its own file, so a build keeps the flags of the last one.
export const getStaticPaths = (() =>
  flagCodes().map((code) => ({
    params: { code: code.toLowerCase() },
    props: { code },
    cacheKey: digestOf(countryFlagSvg(code)),
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(countryFlagSvg(props.code), { headers: { 'content-type': 'image/svg+xml' } });
