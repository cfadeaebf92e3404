package org.stabilitylab.engine.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum value as spelled in presets and on the command line (e.g. "encoder-decoder"). */
public interface Choice {
    String id();

    /** Looks up {@code value} among {@code type}'s ids, or fails naming the key and the allowed ids. */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(value)) {
                return e;
            }
        }
        throw new BadInputException(key, "'" + value + "' is not one of " + ids(type));
    }

    static <E extends Enum<E> & Choice> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).collect(Collectors.joining(", "));
    }
}
