import { ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export const isGone = (call: ReadCall): boolean => call.cancelled || call.destroyed || call.writableEnded;

/**
 * Write one message, honouring HTTP/2 flow control: when grpc-js's buffer is full, wait for
 * 'drain', so a slow client slows the server down instead of growing its memory. Resolves false
 * once the call is cancelled or closed.
 */
export const send = async (call: ReadCall, message: ReadResp): Promise<boolean> => {
  if (isGone(call)) return false;
  if (call.write(message)) return true;
  return new Promise<boolean>((resolve) => {
    const settle = (ok: boolean) => () => {
      call.off('drain', drained).off('close', gone).off('cancelled', gone);
      resolve(ok);
    };
    const drained = settle(true);
    const gone = settle(false);
    call.once('drain', drained).once('close', gone).once('cancelled', gone);
  });
};
