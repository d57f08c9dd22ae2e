package se.kundkonto.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The registry's optional contact e-mail of a customer (column {@code contact_email}), mapped on its own
 * rather than in {@link RegistryCustomerEntity}: Hibernate selects every mapped column, so a registry
 * (or ERP view) without this column would otherwise fail every lookup, verification included. Read only
 * when a customer account is claimed for the first time; where the column is missing, only that read fails.
 */
@Entity
@Immutable
@Table(name = "customer_registry")
public class RegistryContactEntity {

    @Id
    @Column(name = "customer_number", length = 12)
    private String customerNumber;

    @Column(name = "contact_email")
    private String contactEmail;

    protected RegistryContactEntity() {}

    public String getContactEmail() {
        return contactEmail;
    }
}
