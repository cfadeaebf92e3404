package org.stabilitylab.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stabilitylab.engine.config.TaskKind;
import org.stabilitylab.engine.config.TaskSpec;

class TasksTest {
    private static Batch sample(TaskKind kind, int vocab, int length, long seed) {
        return Tasks.create(new TaskSpec(kind, vocab, length)).sample(64, new SplittableRandom(seed));
    }

    @ParameterizedTest
    @EnumSource(TaskKind.class)
    void sourcesAreSymbolsOneToVocabAndTargetsHaveTheSourceLength(TaskKind kind) {
        Task task = Tasks.create(new TaskSpec(kind, 7, 11));
        assertEquals(7, task.vocab());
        assertEquals(11, task.sourceLength());
        assertEquals(11, task.targetLength());
        Batch b = task.sample(200, new SplittableRandom(3));
        assertEquals(200, b.size());
        boolean[] seen = new boolean[8];
        for (int i = 0; i < b.size(); i++) {
            assertEquals(11, b.source()[i].length);
            assertEquals(11, b.target()[i].length);
            for (int t = 0; t < 11; t++) {
                int s = b.source()[i][t];
                int y = b.target()[i][t];
                assertTrue(s >= 1 && s <= 7, "source token " + s);
                assertTrue(y >= 1 && y <= 7, "target token " + y);
                seen[s] = true;
            }
        }
        for (int s = 1; s <= 7; s++) {
            assertTrue(seen[s], "symbol " + s + " never drawn");
        }
    }

    @ParameterizedTest
    @EnumSource(TaskKind.class)
    void theSameRngStateGivesTheSameBatch(TaskKind kind) {
        Batch a = sample(kind, 16, 10, 42);
        Batch b = sample(kind, 16, 10, 42);
        assertTrue(Arrays.deepEquals(a.source(), b.source()));
        assertTrue(Arrays.deepEquals(a.target(), b.target()));
        assertTrue(!Arrays.deepEquals(a.source(), sample(kind, 16, 10, 43).source()));
    }

    @Test
    void copyTargetIsTheSource() {
        Batch b = sample(TaskKind.COPY, 16, 10, 1);
        for (int i = 0; i < b.size(); i++) {
            assertArrayEquals(b.source()[i], b.target()[i]);
        }
    }

    @Test
    void reverseTargetIsTheSourceBackwards() {
        Batch b = sample(TaskKind.REVERSE, 16, 9, 1);
        for (int i = 0; i < b.size(); i++) {
            for (int t = 0; t < 9; t++) {
                assertEquals(b.source()[i][8 - t], b.target()[i][t]);
            }
        }
    }

    @Test
    void sortTargetIsSortedAndAPermutationOfTheSource() {
        Batch b = sample(TaskKind.SORT, 16, 12, 1);
        for (int i = 0; i < b.size(); i++) {
            int[] y = b.target()[i];
            for (int t = 1; t < y.length; t++) {
                assertTrue(y[t - 1] <= y[t], "not ascending: " + Arrays.toString(y));
            }
            int[] s = b.source()[i].clone();
            Arrays.sort(s);
            assertArrayEquals(s, y);
        }
    }

    @Test
    void translateDictionaryIsABijectionFixedByTheVocabulary() {
        for (int vocab : new int[] {2, 5, 16, 100}) {
            int[] dict = TranslateTask.dictionary(vocab);
            int[] sorted = Arrays.copyOfRange(dict, 1, vocab + 1);
            Arrays.sort(sorted);
            for (int w = 1; w <= vocab; w++) {
                assertEquals(w, sorted[w - 1], "not a permutation of 1.." + vocab);
            }
            assertArrayEquals(dict, TranslateTask.dictionary(vocab));
        }
        int[] identity = new int[17];
        Arrays.setAll(identity, i -> i);
        assertNotEquals(Arrays.toString(identity), Arrays.toString(TranslateTask.dictionary(16)));
    }

    @Test
    void translateReversesBlocksOfThreeAndTranslatesEachWord() {
        TranslateTask task = new TranslateTask(16, 8);
        int[] d = TranslateTask.dictionary(16);
        int[] y = task.target(new int[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertArrayEquals(new int[] {d[3], d[2], d[1], d[6], d[5], d[4], d[8], d[7]}, y);
    }

    @Test
    void translateIsTheSameLanguageWhateverTheRunSeed() {
        Batch a = sample(TaskKind.TRANSLATE, 16, 10, 1);
        Batch b = sample(TaskKind.TRANSLATE, 16, 10, 999);
        TranslateTask task = new TranslateTask(16, 10);
        for (Batch batch : new Batch[] {a, b}) {
            for (int i = 0; i < batch.size(); i++) {
                assertArrayEquals(task.target(batch.source()[i]), batch.target()[i]);
            }
        }
    }
}
