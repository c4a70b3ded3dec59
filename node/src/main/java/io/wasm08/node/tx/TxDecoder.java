package io.wasm08.node.tx;

import com.google.protobuf.Any;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.tx.MsgSigners;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SDK v0.50's {@code DefaultTxDecoder}: ADR-027 shape of the {@code TxRaw} (fields in ascending
 * order, minimal length prefixes), no unknown fields in {@code TxRaw} and {@code AuthInfo} nor —
 * except non-critical ones — in {@code TxBody} and the messages it carries (recursively, through
 * {@code Any}s), then the messages unpacked against the registry and the signers extracted from
 * their {@code cosmos.msg.v1.signer} options. Every failure is {@code ErrTxDecode} (sdk/2) with the
 * SDK's text.
 */
public final class TxDecoder {
  private final AnyCodec anyCodec;
  private final MsgSigners msgSigners;
  private final UnknownFields unknownFields;

  public TxDecoder(AnyCodec anyCodec, MsgSigners msgSigners) {
    this.anyCodec = anyCodec;
    this.msgSigners = msgSigners;
    Map<String, Descriptor> wellKnown =
        Map.of(
            io.wasm08.core.crypto.Secp256k1PublicKey.TYPE_URL,
            cosmos.crypto.secp256k1.Keys.PubKey.getDescriptor());
    this.unknownFields =
        new UnknownFields(
            url -> anyCodec.descriptor(url).or(() -> Optional.ofNullable(wellKnown.get(url))));
  }

  public DecodedTx decode(Bytes txBytes) {
    byte[] bz = txBytes.toByteArray();
    try {
      rejectNonAdr027TxRaw(bz);
    } catch (IbcException e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
    }
    TxRaw raw = parse(bz, TxRaw.getDescriptor(), false, TxRaw.parser()::parseFrom);
    byte[] bodyBytes = raw.getBodyBytes().toByteArray();
    boolean nonCriticals;
    try {
      nonCriticals = unknownFields.reject(bodyBytes, TxBody.getDescriptor(), true);
    } catch (IbcException e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
    }
    TxBody body = parse(bodyBytes, null, false, TxBody.parser()::parseFrom);
    AuthInfo authInfo =
        parse(
            raw.getAuthInfoBytes().toByteArray(),
            AuthInfo.getDescriptor(),
            false,
            AuthInfo.parser()::parseFrom);
    List<Message> msgs = new ArrayList<>(body.getMessagesCount());
    for (Any any : body.getMessagesList()) {
      Optional<Message> msg;
      try {
        msg = anyCodec.unpack(any, SdkInterfaces.MSG);
      } catch (IbcException e) {
        throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
      }
      msgs.add(
          msg.orElseThrow(() -> SdkErrorCode.TX_DECODE.wrap("message with an empty type URL")));
    }
    List<Bytes> signers;
    try {
      signers = msgSigners.txSigners(msgs);
    } catch (Wasm08Exception e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
    }
    return new DecodedTx(txBytes, raw, body, authInfo, msgs, signers, nonCriticals);
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(byte[] bytes) throws InvalidProtocolBufferException;
  }

  private <T> T parse(byte[] bytes, Descriptor strict, boolean allow, Parser<T> parser) {
    if (strict != null) {
      try {
        unknownFields.reject(bytes, strict, allow);
      } catch (IbcException e) {
        throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
      }
    }
    try {
      return parser.parse(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrorCode.TX_DECODE.wrap(e.getMessage());
    }
  }

  /**
   * {@code rejectNonADR027TxRaw}: only length-delimited fields, tag numbers never decreasing,
   * length prefixes as short as possible.
   */
  static void rejectNonAdr027TxRaw(byte[] bz) {
    CodedInputStream in = CodedInputStream.newInstance(bz);
    int prev = 0;
    try {
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        int number = WireFormat.getTagFieldNumber(tag);
        int wireType = WireFormat.getTagWireType(tag);
        if (wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          throw IbcException.plainf("expected 2 wire type, got %d", wireType);
        }
        if (number < prev) {
          throw IbcException.plainf(
              "txRaw must follow ADR-027, got tagNum %d after tagNum %d", number, prev);
        }
        prev = number;
        int before = in.getTotalBytesRead();
        long length = in.readRawVarint64();
        int read = in.getTotalBytesRead() - before;
        int min = varintMinLength(length);
        if (read != min) {
          throw IbcException.plainf(
              "length prefix varint for tagNum %d is not as short as possible, read %d, only need %d",
              number, read, min);
        }
        if (length > Integer.MAX_VALUE) {
          throw IbcException.plain("invalid length; proto: cannot parse invalid wire-format data");
        }
        in.skipRawBytes((int) length);
      }
    } catch (IOException e) {
      throw IbcException.plain("invalid length; " + e.getMessage());
    }
  }

  static int varintMinLength(long n) {
    int len = 1;
    while (Long.compareUnsigned(n, 0x80) >= 0) {
      n >>>= 7;
      len++;
    }
    return len;
  }
}
