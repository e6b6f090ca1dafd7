import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { SAMPLE_COMMITTEE_ID, type SampleModernGov } from './sample-moderngov';

export interface SampleModernGovServer {
  /** `http://127.0.0.1:<port>`: the MODERNGOV_URL the bot's own ModernGov client reads. */
  readonly url: string;
  stop(): Promise<void>;
}

const REAL_PANEL_PAGE = 'https://democracy.kent.gov.uk/mgCommitteeDetails.aspx?ID=693';

/**
 * Serves the sample as ModernGov's web service does (mgWebService.asmx over plain GET, XML without
 * a namespace), on loopback only. Every other address (agenda pages, papers) answers with a page
 * saying this is sample data, so no link in a sample card leads to an invented page on the real site.
 */
export async function startSampleModernGovServer(sample: SampleModernGov): Promise<SampleModernGovServer> {
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.toLowerCase();
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Only GET is supported');
    if (method === '/mgwebservice.asmx/getmeetings') return getMeetings(res, url.searchParams, sample, origin);
    if (method === '/mgwebservice.asmx/getmeeting') {
      const body = sample.getMeeting(url.searchParams.get('lMeetingId') ?? '', origin);
      return body ? send(res, 200, 'text/xml; charset=utf-8', body) : send(res, 500, 'text/plain; charset=utf-8', 'No such meeting');
    }
    return send(res, 200, 'text/html; charset=utf-8', SAMPLE_PAGE);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function getMeetings(res: http.ServerResponse, params: URLSearchParams, sample: SampleModernGov, origin: string): void {
  const from = DateTime.fromFormat(params.get('sFromDate') ?? '', 'dd/MM/yyyy', { zone: 'utc' });
  const to = DateTime.fromFormat(params.get('sToDate') ?? '', 'dd/MM/yyyy', { zone: 'utc' });
  if (!from.isValid || !to.isValid || to < from)
    return send(res, 400, 'text/plain; charset=utf-8', 'sFromDate and sToDate must be dd/mm/yyyy');
  if (params.get('lCommitteeId') !== SAMPLE_COMMITTEE_ID) {
    return send(
      res,
      200,
      'text/xml; charset=utf-8',
      '<?xml version="1.0" encoding="utf-8"?>\n<getmeetings>\n  <meetingscount> 0</meetingscount>\n  <committeescount> 0</committeescount>\n</getmeetings>\n',
    );
  }
  send(res, 200, 'text/xml; charset=utf-8', sample.getMeetings(from, to, origin));
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

const SAMPLE_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Sample data</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>Sample data</h1>
<p>This link belongs to a sample meeting that the Corporate Parenting Panel bot shows in a local run.
It is not a real meeting or paper.</p>
<p>The real panel's meetings and papers are on <a href="${REAL_PANEL_PAGE}">Kent County Council's democracy site</a>.
To use them in the bot, start it with <code>MODERNGOV_URL=https://democracy.kent.gov.uk MODERNGOV_COMMITTEE_ID=693 npm start</code>.</p>
</body></html>
`;
