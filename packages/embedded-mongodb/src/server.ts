/**
 * The TCP side: accepts connections, splits the byte stream into messages,
 * runs each command synchronously and writes the reply. A connection that sends
 * something undecodable is closed (and logged); the others keep being served.
 */
import net from 'node:net';
import { runCommand, type ServerState } from './commands';
import { CursorRegistry } from './cursors';
import { MongoCommandError, toCommandError } from './errors';
import { Storage } from './storage';
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

export class EmbeddedServer {
  readonly state: ServerState;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private nextConnectionId = 1;

  constructor(
    private readonly host: string,
    private readonly requestedPort: number,
    private readonly logger: Logger,
  ) {
    this.state = {
      storage: new Storage(),
      cursors: new CursorRegistry(),
      startedAt: Date.now(),
      host,
      port: requestedPort,
      connections: { current: 0, totalCreated: 0 },
    };
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.requestedPort, this.host, () => {
        this.server.off('error', onError);
        this.server.on('error', (error) => this.logger.error(`embedded mongo: server error: ${error.message}`));
        const address = this.server.address();
        this.state.port = typeof address === 'object' && address ? address.port : this.requestedPort;
        resolve(this.state.port);
      });
    });
  }

  stop(): Promise<void> {
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
      remoteAddress: socket.remoteAddress ?? '127.0.0.1',
      remotePort: socket.remotePort ?? 0,
    };
    this.sockets.add(socket);
    this.state.connections.current++;
    this.state.connections.totalCreated++;
    socket.setNoDelay(true);
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = decoder.push(chunk);
        for (const frame of frames) {
          const reply = this.handle(frame, connection);
          if (reply && !socket.destroyed) socket.write(reply);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(`embedded mongo: closing connection ${connection.id} from ${connection.remoteAddress}:${connection.remotePort}: ${reason}`);
        socket.destroy();
      }
    });
    socket.on('error', (error) => this.logger.warn(`embedded mongo: connection ${connection.id} error: ${error.message}`));
    socket.on('close', () => {
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
