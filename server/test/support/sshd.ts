import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

/**
 * A real OpenSSH server for tests: its own config, host key, port on 127.0.0.1 and a
 * throwaway user (password and an authorized key), serving `internal-sftp`. Never the
 * system sshd, never port 22. Needs root (sshd checks passwords against /etc/shadow) and
 * Debian's openssh-server (.ci/run installs it).
 */
export interface TestSshd {
  port: number;
  user: string;
  password: string;
  /** The user's private key (OpenSSH format) and the path of a second, unauthorized one. */
  privateKey: string;
  otherPrivateKey: string;
  /** The host key's SHA256 fingerprint as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** A folder the user can read: put exports here. */
  root: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Waits until sshd answers on `port` with its SSH banner (not merely until something accepts there). */
async function waitForSshd(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = createConnection({ port, host: '127.0.0.1' });
      const done = (result: boolean) => {
        c.destroy();
        resolve(result);
      };
      c.setTimeout(1000, () => done(false));
      c.once('data', (d) => done(d.toString().startsWith('SSH-')));
      c.on('error', () => done(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

export async function startSshd(): Promise<TestSshd> {
  const dir = mkdtempSync('/tmp/homeroom-sshd-');
  chmodSync(dir, 0o755);
  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'homeroom-test', '-f', join(dir, file)]);
  keygen('host_key');
  keygen('client_key');
  keygen('other_key');
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_key.pub')])
    .toString()
    .split(' ')[1];
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  const root = join(dir, 'exports');
  mkdirSync(root, { mode: 0o755 });
  chmodSync(root, 0o755);

  const user = `hrsftp${process.pid % 100000}`;
  const password = randomBytes(12).toString('hex');
  try {
    execFileSync('id', [user], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-M', '-d', dir, '-s', '/usr/sbin/nologin', user]);
  }
  execFileSync('chpasswd', { input: `${user}:${password}\n` });
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  // The free port is found before sshd binds it, so a test file running in parallel can
  // take it in between: sshd then exits (address in use) and we try another port.
  const config = join(dir, 'sshd_config');
  let log = '';
  const launch = async (port: number): Promise<ChildProcess> => {
    writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(dir, 'host_key')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        'UsePAM no',
        'StrictModes no',
        'PermitRootLogin no',
        `AllowUsers ${user}`,
        'Subsystem sftp internal-sftp',
        'LogLevel ERROR',
        'MaxStartups 50',
        'MaxAuthTries 6',
        '',
      ].join('\n'),
    );
    log = '';
    const started = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    started.stderr!.on('data', (d) => (log += d.toString()));
    try {
      await waitForSshd(port, started, () => log);
      return started;
    } catch (e) {
      if (started.exitCode === null) started.kill('SIGKILL');
      throw e;
    }
  };
  let port = await freePort();
  let child: ChildProcess;
  for (let attempt = 1; ; attempt++) {
    try {
      child = await launch(port);
      break;
    } catch (e) {
      if (attempt >= 3 || !/address already in use/i.test(log)) throw e;
      port = await freePort();
    }
  }
  return {
    port,
    user,
    password,
    fingerprint,
    root,
    privateKey: readFileSync(join(dir, 'client_key'), 'utf8'),
    otherPrivateKey: readFileSync(join(dir, 'other_key'), 'utf8'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      try {
        execFileSync('userdel', [user], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
