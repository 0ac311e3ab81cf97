// The browser journeys' SMTP sink: started by playwright.config.ts before the server (which
// sends through it, SMTP_URL), it writes each message it receives as one JSON file into
// E2E_MAILBOX_DIR, where e2e/support/mailbox.ts reads them. Run with `node --import tsx`.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const mailboxDir = process.env.E2E_MAILBOX_DIR;
const port = Number(process.env.E2E_SMTP_PORT);
if (!mailboxDir || !Number.isInteger(port) || port <= 0) {
  console.error('smtp-sink: set E2E_MAILBOX_DIR and E2E_SMTP_PORT');
  process.exit(1);
}
fs.mkdirSync(mailboxDir, { recursive: true });

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          receivedAt: new Date().toISOString(),
        };
        received += 1;
        const file = path.join(mailboxDir, `${Date.now()}-${String(received).padStart(6, '0')}.json`);
        // Written aside and renamed, so that a reader never sees half a message.
        fs.writeFileSync(`${file}.part`, JSON.stringify(message));
        fs.renameSync(`${file}.part`, file);
        callback();
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
  },
});
server.on('error', (error) => {
  console.error(`smtp-sink: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
