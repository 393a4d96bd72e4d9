package io.smiledesk.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleRepository extends JpaRepository<DepositRule, DepositRule.Key> {

}

interface DepositRepository extends JpaRepository<Deposit, UUID> {

	boolean existsByClinicIdAndCurrency(int clinicId, String currency);

	Optional<Deposit> findByAppointmentId(UUID appointmentId);

	Optional<Deposit> findByCheckoutSessionId(String sessionId);

	Optional<Deposit> findByPaymentIntentId(String paymentIntentId);

	List<Deposit> findTop100ByStatusAndDueByLessThanEqualOrderByDueBy(DepositStatus status, Instant now);

	List<Deposit> findTop100ByStatusAndCheckoutSessionIdIsNullOrderByCreatedAt(DepositStatus status);

	List<Deposit> findByStatusOrderByDueBy(DepositStatus status, Pageable page);

	List<Deposit> findByNeedsReviewTrueOrderByUpdatedAt(Pageable page);

	List<Deposit> findByStatusNotAndUpdatedAtGreaterThanEqualOrderByUpdatedAtDesc(DepositStatus status, Instant since,
			Pageable page);

}

interface StripeEventRepository extends JpaRepository<StripeEventRecord, String> {

}
