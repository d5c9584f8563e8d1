/*
 * Copyright 2026 The Runtime Mode Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// A stand-in for a Git host, for the e2e suite only (there is no internet
// in CI): it serves files at GitHub-shaped URLs,
//   GET  /<owner>/<repo>/blob/<ref>/<path>   the file, with an ETag (304 on If-None-Match)
//   PUT  /<owner>/<repo>/blob/<ref>/<path>   replaces the file (what a push would do)
// and answers GET /health. The e2e backend reads it through Backstage's
// FetchUrlReader (backend.reading.allow in e2e/app-config.e2e.yaml).
import { createHash } from 'node:crypto';
import http from 'node:http';

const port = Number(process.env.E2E_SCM_PORT ?? 8111);

const CLEAN_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: push-demo
  labels: { app: push-demo }
spec:
  replicas: 2
  selector:
    matchLabels: { app: push-demo }
  template:
    metadata:
      labels: { app: push-demo }
    spec:
      containers:
        - name: push-demo
          image: registry.example.com/push-demo:1.0.0
`;

const files = new Map([
  ['/acme/push-demo/blob/main/deploy/app.yaml', CLEAN_DEPLOYMENT],
]);

const etagOf = content =>
  `"${createHash('sha256').update(content).digest('hex').slice(0, 16)}"`;

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method === 'PUT') {
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      files.set(path, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204).end();
    });
    return;
  }
  const content = files.get(path);
  if (req.method !== 'GET' || content === undefined) {
    res.writeHead(404).end('not found');
    return;
  }
  const etag = etagOf(content);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag }).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', ETag: etag }).end(content);
});

server.listen(port, '127.0.0.1', () => {
  // eslint-disable-next-line no-console
  console.log(`fake SCM on http://localhost:${port}`);
});
