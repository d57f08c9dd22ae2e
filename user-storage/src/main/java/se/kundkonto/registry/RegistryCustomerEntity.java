package se.kundkonto.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One row of the customer registry. The ERP owns this table (or a view with these columns);
 * Keycloak only reads it, hence {@link Immutable}.
 */
@Entity
@Immutable
@Table(name = "customer_registry")
@NamedQuery(name = RegistryCustomerEntity.COUNT, query = "select count(c) from RegistryCustomerEntity c")
public class RegistryCustomerEntity {

    static final String COUNT = "kundkonto.registry.count";

    @Id
    @Column(name = "customer_number", length = 12)
    private String customerNumber;

    @Column(name = "org_number", nullable = false, length = 13)
    private String orgNumber;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(name = "active", nullable = false)
    private boolean active;

    protected RegistryCustomerEntity() {
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public String getOrgNumber() {
        return orgNumber;
    }

    public String getCompanyName() {
        return companyName;
    }

    public boolean isActive() {
        return active;
    }
}
