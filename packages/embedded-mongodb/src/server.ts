/**
 * The socket side: accepts connections (a Unix domain socket or TCP), splits the byte
 * stream into messages, runs each command synchronously and writes the reply. A
 * connection that sends something undecodable, stalls mid-message, or would push the
 * bytes held for unfinished messages past the cap is closed (and logged); the others
 * keep being served.
 */
import net from 'node:net';
import { runCommand, type ServerState } from './commands';
import { CursorRegistry } from './cursors';
import { MongoCommandError, toCommandError } from './errors';
import type { EngineLimits } from './limits';
import { Storage } from './storage';
import { expireDocuments } from './ttl';
import type { Doc } from './values';
import {
  encodeOpMsg, encodeOpReply, type Frame, FrameDecoder, OP_MSG, OP_QUERY, parseOpMsg, parseOpQuery, WireProtocolError,
} from './wire';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

const HANDSHAKE_COMMANDS = new Set(['isMaster', 'ismaster', 'hello']);

/** Where to listen: a Unix domain socket path, or a TCP host and port. */
export type ListenAddress = { path: string } | { host: string; port: number };

export interface ServerOptions {
  limits: EngineLimits;
  /** How often expired TTL-indexed documents are deleted (mongod: every 60 s). */
  ttlMonitorIntervalMs: number;
  logger: Logger;
}

export class EmbeddedServer {
  readonly state: ServerState;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly logger: Logger;
  private nextConnectionId = 1;
  /** Bytes of unfinished messages held across all connections. */
  private bufferedBytes = 0;
  private ttlMonitor: NodeJS.Timeout | undefined;

  constructor(
    private readonly address: ListenAddress,
    private readonly options: ServerOptions,
  ) {
    this.logger = options.logger;
    this.state = {
      storage: new Storage(),
      cursors: new CursorRegistry(),
      limits: options.limits,
      startedAt: Date.now(),
      host: 'path' in address ? address.path : address.host,
      port: 'path' in address ? 0 : address.port,
      connections: { current: 0, totalCreated: 0 },
    };
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Resolves with the TCP port bound (0 for a Unix domain socket). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      const onListening = (): void => {
        this.server.off('error', onError);
        this.server.on('error', (error) => this.logger.error(`embedded mongo: server error: ${error.message}`));
        const bound = this.server.address();
        if (typeof bound === 'object' && bound) this.state.port = bound.port;
        this.startTtlMonitor();
        resolve(this.state.port);
      };
      if ('path' in this.address) this.server.listen(this.address.path, onListening);
      else this.server.listen(this.address.port, this.address.host, onListening);
    });
  }

  /** Deletes expired TTL-indexed documents now; the monitor calls this on its interval. */
  expireTtlDocuments(now = new Date()): number {
    return expireDocuments(this.state.storage, now);
  }

  private startTtlMonitor(): void {
    this.ttlMonitor = setInterval(() => {
      try {
        this.expireTtlDocuments();
      } catch (error) {
        this.logger.error(`embedded mongo: TTL monitor failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, this.options.ttlMonitorIntervalMs);
    // The monitor alone must not keep a process alive that has nothing else to do.
    this.ttlMonitor.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.ttlMonitor);
    this.state.cursors.close();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    return new Promise((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
    });
  }

  private accept(socket: net.Socket): void {
    const connection = {
      id: this.nextConnectionId++,
      remoteAddress: socket.remoteAddress ?? 'local',
      remotePort: socket.remotePort ?? 0,
    };
    this.sockets.add(socket);
    this.state.connections.current++;
    this.state.connections.totalCreated++;
    if ('host' in this.address) socket.setNoDelay(true);
    const { limits } = this.options;
    const decoder = new FrameDecoder(limits.maxMessageSizeBytes);
    let held = 0;
    let idleTimer: NodeJS.Timeout | undefined;
    const close = (reason: string): void => {
      this.logger.error(`embedded mongo: closing connection ${connection.id} from ${connection.remoteAddress}:${connection.remotePort}: ${reason}`);
      socket.destroy();
    };
    /** Keeps the server-wide count of held bytes, and the idle deadline, in step with the decoder. */
    const account = (): void => {
      this.bufferedBytes += decoder.buffered - held;
      held = decoder.buffered;
      clearTimeout(idleTimer);
      idleTimer = undefined;
      if (held === 0) return;
      if (this.bufferedBytes > limits.maxBufferedBytes) {
        close(`unfinished messages across all connections would hold ${this.bufferedBytes} bytes (limit ${limits.maxBufferedBytes})`);
        return;
      }
      idleTimer = setTimeout(() => close(`no data for ${limits.partialMessageIdleMs} ms in the middle of a message`), limits.partialMessageIdleMs);
    };
    socket.on('data', (chunk: Buffer) => {
      try {
        const frames: Frame[] = decoder.push(chunk);
        account();
        for (const frame of frames) {
          if (socket.destroyed) break;
          const reply = this.handle(frame, connection);
          if (reply && !socket.destroyed) socket.write(reply);
        }
      } catch (error) {
        close(error instanceof Error ? error.message : String(error));
      }
    });
    socket.on('error', (error) => this.logger.warn(`embedded mongo: connection ${connection.id} error: ${error.message}`));
    socket.on('close', () => {
      clearTimeout(idleTimer);
      this.bufferedBytes -= held;
      held = 0;
      this.sockets.delete(socket);
      this.state.connections.current--;
    });
  }

  /** Returns the bytes to send back, or undefined when the client asked for no reply. */
  private handle(frame: Frame, connection: { id: number; remoteAddress: string; remotePort: number }): Buffer | undefined {
    if (frame.opCode === OP_MSG) {
      const { command, moreToCome } = parseOpMsg(frame);
      const dbName = command.$db;
      const reply =
        typeof dbName === 'string'
          ? runCommand(command, { server: this.state, dbName, connection })
          : new MongoCommandError('FailedToParse', "BSON field '$db' is missing but a required field").toReply();
      return moreToCome ? undefined : encodeReply(frame.requestId, reply, encodeOpMsg);
    }
    if (frame.opCode === OP_QUERY) {
      const { collection, query } = parseOpQuery(frame);
      const command = (query.$query && typeof query.$query === 'object' ? query.$query : query) as Doc;
      const name = Object.keys(command)[0] ?? '';
      let reply: Doc;
      if (collection.endsWith('.$cmd') && HANDSHAKE_COMMANDS.has(name)) {
        reply = runCommand(command, { server: this.state, dbName: collection.slice(0, -5), connection });
      } else {
        reply = new MongoCommandError(
          'UnsupportedOpQueryCommand',
          `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade. Only the handshake (hello/isMaster) is accepted over OP_QUERY.`,
        ).toReply();
      }
      return encodeReply(frame.requestId, reply, encodeOpReply);
    }
    throw new WireProtocolError(`unsupported opcode ${frame.opCode}`);
  }
}

function encodeReply(responseTo: number, reply: Doc, encode: (responseTo: number, reply: Doc) => Buffer): Buffer {
  try {
    return encode(responseTo, reply);
  } catch (error) {
    // e.g. a result document over the BSON size limit: report it instead of dropping the connection.
    return encode(responseTo, toCommandError(new MongoCommandError('BadValue', `could not encode reply: ${(error as Error).message}`)).toReply());
  }
}
