package org.habeas.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.habeas.HabeasTest;
import org.junit.jupiter.api.Test;

class CaseNumbersTest extends HabeasTest {

  @Test
  void fiftyAlertsAtOnce_getFiftyDistinctCaseNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Callable<String>> starts = IntStream.range(0, 50).<Callable<String>>mapToObj(i -> () -> {
        go.await();
        return startCase(alert().putValue("jurisdiction", i % 2 == 0 ? "KZ" : "RU")).getBusinessKey();
      }).toList();
      List<Future<String>> futures = starts.stream().map(pool::submit).toList();
      go.countDown();
      List<String> numbers = futures.stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      assertThat(numbers).hasSize(50).doesNotHaveDuplicates().allMatch(n -> n.matches("(KZ|RU)-2026-\\d{5}"));
    } finally {
      pool.shutdownNow();
    }
  }
}
